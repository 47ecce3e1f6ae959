/**
 * A real browser for tests: {@link app.tandem.infra.browser.TestBrowser} drives the machine's own headless Chromium
 * through Selenium, with the driver and the browser given explicitly so that nothing is ever downloaded.
 */
package app.tandem.infra.browser;
