/**
 * The runnable application: it assembles every module, owns the page layout, the platform's landing page and each
 * tenant's home page, and {@code application.yml}. Local runs start it through {@code TandemLocal} (test sources),
 * which adds the dev services and demo data.
 */
package app.tandem;
