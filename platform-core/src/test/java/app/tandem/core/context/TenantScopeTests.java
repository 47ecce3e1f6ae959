package app.tandem.core.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tandem.core.tenant.TenantId;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TenantScopeTests {

    private final TenantId alpha = TenantId.random();
    private final TenantId beta = TenantId.random();

    @AfterEach
    void noTenantLeaks() {
        assertThat(TenantContext.current()).isEmpty();
        assertThat(MDC.get(TenantScope.MDC_KEY)).isNull();
    }

    @Test
    void failsClosedWithoutATenant() {
        assertThat(TenantContext.current()).isEmpty();
        assertThatThrownBy(TenantContext::require).isInstanceOf(NoTenantInScope.class);
    }

    @Test
    void namesTheTenantInTheContextAndTheLogsWhileOpen() {
        TenantScope.run(alpha, () -> {
            assertThat(TenantContext.require()).isEqualTo(alpha);
            assertThat(MDC.get(TenantScope.MDC_KEY)).isEqualTo(alpha.toString());
        });
    }

    @Test
    void nestedScopesRestoreTheOuterTenant() {
        TenantScope.run(alpha, () -> {
            TenantScope.run(beta, () -> assertThat(TenantContext.require()).isEqualTo(beta));
            assertThat(TenantContext.require()).isEqualTo(alpha);
            assertThat(MDC.get(TenantScope.MDC_KEY)).isEqualTo(alpha.toString());
        });
    }

    @Test
    void anExceptionStillClosesTheScope() {
        assertThatThrownBy(() -> TenantScope.run(alpha, () -> {
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
    }

    @Test
    void refusesToBeClosedByAnotherThread() throws Exception {
        var scope = TenantScope.open(alpha);
        var error = new AtomicReference<Throwable>();
        var thread = new Thread(() -> {
            try {
                scope.close();
            } catch (Throwable e) {
                error.set(e);
            }
        });
        thread.start();
        thread.join();
        scope.close();

        assertThat(error.get()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theTaskDecoratorCarriesTheSubmittersTenantAndLeavesNoneBehind() throws Exception {
        var decorator = new TenantContextTaskDecorator();
        var executor = Executors.newSingleThreadExecutor();
        try {
            var seen = new AtomicReference<TenantId>();
            TenantScope.run(alpha, () -> executor.execute(decorator.decorate(() -> seen.set(TenantContext.require()))));
            executor.submit(() -> {}).get(5, TimeUnit.SECONDS);
            assertThat(seen.get()).isEqualTo(alpha);

            var after = new AtomicReference<Boolean>();
            executor.submit(decorator.decorate(
                            () -> after.set(TenantContext.current().isPresent())))
                    .get(5, TimeUnit.SECONDS);
            assertThat(after.get()).isFalse();
        } finally {
            executor.shutdownNow();
        }
    }
}
