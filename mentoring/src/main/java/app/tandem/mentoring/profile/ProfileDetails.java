package app.tandem.mentoring.profile;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What a member writes on their profile. Empty text means "not given"; tags are short, distinct (ignoring case) and
 * at most {@value #MAX_TAGS} per list; languages are ISO 639-1 codes (see {@link Languages}); the time zone is a
 * {@link ZoneId} such as {@code Europe/Berlin}.
 */
public record ProfileDetails(
        String headline,
        String bio,
        List<String> skills,
        List<String> expertise,
        String goals,
        String industry,
        String region,
        String timeZone,
        List<String> languages,
        Integer yearsOfExperience) {

    public static final int MAX_TAGS = 30;
    public static final int MAX_TAG_LENGTH = 50;

    public ProfileDetails {
        skills = skills == null ? List.of() : List.copyOf(skills);
        expertise = expertise == null ? List.of() : List.copyOf(expertise);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** A profile nobody has written yet. */
    public static ProfileDetails empty() {
        return new ProfileDetails("", "", List.of(), List.of(), "", "", "", null, List.of(), null);
    }

    /** Tags typed into one field, separated by commas. */
    public static List<String> tags(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return List.of(commaSeparated.split(","));
    }

    /** The languages' English names, for pages. */
    public List<String> languageNames() {
        return languages.stream().map(Languages::name).toList();
    }

    /** Whether nothing is written. */
    public boolean blank() {
        return equals(empty());
    }

    /**
     * These details as they will be stored (text stripped, blank tags dropped, language names turned into codes),
     * or every reason they cannot be, by field.
     *
     * @throws ProfileRefused listing each wrong field
     */
    public ProfileDetails checked() {
        var errors = new LinkedHashMap<String, String>();
        var headline = text("headline", "A headline", headline(), 150, errors);
        var bio = text("bio", "A bio", bio(), 4000, errors);
        var goals = text("goals", "Goals", goals(), 2000, errors);
        var industry = text("industry", "An industry", industry(), 100, errors);
        var region = text("region", "A region", region(), 100, errors);
        var skills = tags("skills", "skills", skills(), errors);
        var expertise = tags("expertise", "areas of expertise", expertise(), errors);
        String zone = null;
        if (timeZone() != null && !timeZone().isBlank()) {
            try {
                zone = ZoneId.of(timeZone().strip()).getId();
            } catch (DateTimeException e) {
                errors.put(
                        "timeZone",
                        "'" + timeZone().strip() + "' is not a time zone; write one such as Europe/Berlin or"
                                + " America/New_York.");
            }
        }
        var languages = new ArrayList<String>();
        for (var language : languages()) {
            if (language == null || language.isBlank()) {
                continue;
            }
            var code = Languages.code(language);
            if (code.isEmpty()) {
                errors.putIfAbsent(
                        "languages",
                        "'" + language.strip() + "' is not a language; write an ISO 639-1 code such as en or de, or"
                                + " the English name such as German.");
            } else if (!languages.contains(code.get())) {
                languages.add(code.get());
            }
        }
        if (languages.size() > MAX_TAGS) {
            errors.putIfAbsent("languages", "List at most " + MAX_TAGS + " languages.");
        }
        if (yearsOfExperience() != null && (yearsOfExperience() < 0 || yearsOfExperience() > 70)) {
            errors.put("yearsOfExperience", "Years of experience are between 0 and 70.");
        }
        if (!errors.isEmpty()) {
            throw ProfileRefused.invalid(errors);
        }
        return new ProfileDetails(
                headline, bio, skills, expertise, goals, industry, region, zone, languages, yearsOfExperience());
    }

    private static String text(String field, String what, String value, int max, LinkedHashMap<String, String> errors) {
        var stripped = value == null ? "" : value.strip();
        if (stripped.length() > max) {
            errors.put(
                    field, what + " is at most " + max + " characters long (this one has " + stripped.length() + ").");
        }
        return stripped;
    }

    private static List<String> tags(
            String field, String what, List<String> values, LinkedHashMap<String, String> errors) {
        var result = new ArrayList<String>();
        var seen = new HashSet<String>();
        Function<String, String> key = tag -> tag.toLowerCase(Locale.ROOT);
        for (var value : values) {
            var tag = value == null ? "" : value.strip();
            if (tag.isEmpty()) {
                continue;
            }
            if (tag.length() > MAX_TAG_LENGTH) {
                errors.putIfAbsent(
                        field,
                        "Each of your " + what + " is at most " + MAX_TAG_LENGTH + " characters long; '"
                                + tag.substring(0, 20) + "…' is longer.");
            } else if (!seen.add(key.apply(tag))) {
                errors.putIfAbsent(field, "'" + tag + "' is listed twice in your " + what + ".");
            }
            result.add(tag);
        }
        if (result.size() > MAX_TAGS) {
            errors.putIfAbsent(field, "List at most " + MAX_TAGS + " " + what + " (you listed " + result.size() + ").");
        }
        return result;
    }
}
