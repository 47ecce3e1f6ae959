package app.tandem.tenantadmin.invitation;

import app.tandem.identity.OrgRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads people to invite from CSV: columns {@code email, name, role} (role optional, member by default), comma or
 * semicolon separated, with or without a header line, fields quoted the RFC 4180 way when they hold a separator.
 */
final class InvitationCsv {

    /** One line of the file as read, before any check against the organization. */
    record Line(int number, String email, String name, String role) {}

    static final int MAX_ROWS = 10_000;

    private InvitationCsv() {}

    static List<Line> read(String text) {
        if (text == null || text.isBlank()) {
            throw InvitationRefused.invalid("The file is empty. Put one person per line: email, name, role.");
        }
        var records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        var lines = new ArrayList<Line>();
        for (int i = 0; i < records.size(); i++) {
            var fields = records.get(i);
            if (fields.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (i == 0 && fields.get(0).strip().equalsIgnoreCase("email")) {
                continue;
            }
            lines.add(new Line(
                    i + 1,
                    fields.get(0).strip(),
                    fields.size() > 1 ? fields.get(1).strip() : "",
                    fields.size() > 2 ? fields.get(2).strip() : ""));
        }
        if (lines.isEmpty()) {
            throw InvitationRefused.invalid(
                    "The file has no people in it. Put one person per line: email, name, role.");
        }
        if (lines.size() > MAX_ROWS) {
            throw InvitationRefused.invalid("The file has " + lines.size() + " people; at most " + MAX_ROWS
                    + " can be invited at once. Split it into smaller files.");
        }
        return lines;
    }

    /** The role a cell names (ORG_ADMIN, org admin, Coordinator, ...), MEMBER when empty, or null when unknown. */
    static OrgRole role(String cell) {
        if (cell == null || cell.isBlank()) {
            return OrgRole.MEMBER;
        }
        var normalised = cell.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (var role : OrgRole.values()) {
            if (role.name().equals(normalised)) {
                return role;
            }
        }
        return null;
    }

    private static List<List<String>> records(String text) {
        var firstLine = text.lines().findFirst().orElse("");
        char separator = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        var records = new ArrayList<List<String>>();
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }
}
