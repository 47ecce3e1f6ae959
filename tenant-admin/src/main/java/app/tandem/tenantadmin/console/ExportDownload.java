package app.tandem.tenantadmin.console;

import app.tandem.core.tenant.TenantId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** A tenant's export as a zip download, streamed as it is read; the same for the page and the API. */
final class ExportDownload {

    private ExportDownload() {}

    static void send(OperatorConsole console, TenantId tenant, HttpServletResponse response) throws IOException {
        var ticket = console.requestExport(tenant);
        response.setContentType("application/zip");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(ticket.fileName())
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        console.export(ticket, response.getOutputStream());
    }
}
