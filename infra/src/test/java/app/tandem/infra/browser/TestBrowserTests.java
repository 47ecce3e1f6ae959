package app.tandem.infra.browser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TestBrowserTests {

    @Test
    void saysWhatToInstallWhenChromiumIsMissing() {
        assertThatThrownBy(() -> TestBrowser.open(Map.of(TestBrowser.CHROMIUM_VARIABLE, "/nowhere/chromium")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Chromium is not installed at /nowhere/chromium")
                .hasMessageContaining("apt-get install -y chromium chromium-driver")
                .hasMessageContaining(TestBrowser.CHROMIUM_VARIABLE);
    }

    @Test
    void saysWhatToInstallWhenChromedriverIsMissing() {
        assertThatThrownBy(() -> TestBrowser.open(Map.of(
                        TestBrowser.CHROMIUM_VARIABLE,
                        "/bin/sh",
                        TestBrowser.CHROMEDRIVER_VARIABLE,
                        "/nowhere/chromedriver")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chromedriver is not installed at /nowhere/chromedriver")
                .hasMessageContaining("apt-get install -y chromium chromium-driver")
                .hasMessageContaining(TestBrowser.CHROMEDRIVER_VARIABLE);
    }
}
