package cn.zhenxing.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.quartz.CronExpression;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads and validates {@code schedules/*.yml} and {@code recipients.yml}. Every problem is collected
 * with its file, so one run of {@code schedules check} lists them all.
 */
public final class ScheduleFiles {

    static final String RECIPIENTS = "recipients.yml";
    static final Set<String> KEYS = Set.of("name", "description", "cron", "time-zone", "run", "misfire", "recipients", "reports", "keep", "older-than-days");
    static final Set<String> REPORTS = Set.of("revitalization", "yellow-river", "fyp-indicators", "completeness");

    /** A recipient of mail, as data. */
    public record Recipient(String name, String email, String group, String region, String unit) {
    }

    public record Loaded(List<ScheduleDefinition> schedules, List<Recipient> recipients, List<String> problems, String source) {
        public ScheduleDefinition schedule(String name) {
            return schedules.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ScheduleFiles() {
    }

    /** From a directory when it exists, else from the copy bundled in the jar. */
    public static Loaded load(Path dir) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        String source;
        if (dir != null && Files.isDirectory(dir)) {
            source = dir.toAbsolutePath().toString();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList()) {
                    texts.put(f.getFileName().toString(), Files.readString(f));
                }
            }
        } else {
            source = "classpath:schedules/";
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:schedules/*.yml")) {
                try (InputStream in = r.getInputStream()) {
                    texts.put(r.getFilename(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return parse(texts, source);
    }

    static Loaded parse(Map<String, String> texts, String source) {
        List<String> problems = new ArrayList<>();
        List<Recipient> recipients = new ArrayList<>();
        List<ScheduleDefinition> schedules = new ArrayList<>();
        Set<String> groups = new HashSet<>();
        if (texts.containsKey(RECIPIENTS)) {
            recipients.addAll(recipients(texts.get(RECIPIENTS), problems));
            recipients.forEach(r -> groups.add(r.group()));
        }
        for (Map.Entry<String, String> e : texts.entrySet()) {
            if (!e.getKey().equals(RECIPIENTS)) {
                ScheduleDefinition s = schedule(e.getKey(), e.getValue(), groups, problems);
                if (s != null) {
                    schedules.add(s);
                }
            }
        }
        return new Loaded(List.copyOf(schedules), List.copyOf(recipients), List.copyOf(problems), source);
    }

    @SuppressWarnings("unchecked")
    private static ScheduleDefinition schedule(String file, String text, Set<String> groups, List<String> problems) {
        Map<String, Object> map;
        try {
            map = YAML.readValue(text, Map.class);
        } catch (IOException e) {
            problems.add(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
        if (map == null) {
            problems.add(file + ": empty");
            return null;
        }
        int before = problems.size();
        for (String key : map.keySet()) {
            if (!KEYS.contains(key)) {
                problems.add(file + ": unknown key '" + key + "' (known: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        String name = string(map, "name");
        String expected = file.replaceFirst("\\.yml$", "");
        if (name == null) {
            problems.add(file + ": 'name' is missing");
        } else if (!name.equals(expected)) {
            problems.add(file + ": name '" + name + "' must equal the file name '" + expected + "'");
        }
        String cron = string(map, "cron");
        if (cron == null) {
            problems.add(file + ": 'cron' is missing");
        } else {
            try {
                CronExpression.validateExpression(cron);
            } catch (java.text.ParseException ex) {
                problems.add(file + ": cron '" + cron + "' is not valid: " + ex.getMessage()
                        + " (six or seven fields: seconds minutes hours day-of-month month day-of-week [year])");
            }
        }
        String zone = map.containsKey("time-zone") ? string(map, "time-zone") : "Asia/Shanghai";
        try {
            ZoneId.of(zone);
        } catch (RuntimeException ex) {
            problems.add(file + ": time-zone '" + zone + "' is not known (e.g. Asia/Shanghai)");
        }
        ScheduleDefinition.Kind kind = ScheduleDefinition.Kind.of(string(map, "run"));
        if (kind == null) {
            problems.add(file + ": run '" + map.get("run") + "' is not one of inbox-poll, quarterly-reports, reminders, overdue-notice, "
                    + "marts-refresh, deliver-pending, backup, review-reminder, files-prune");
        }
        String misfire = string(map, "misfire");
        if (misfire != null && !misfire.equals("fire-once") && !misfire.equals("skip")) {
            problems.add(file + ": misfire '" + misfire + "' must be fire-once or skip");
        }
        List<String> recipients = list(map, "recipients", file, problems);
        for (String group : recipients) {
            if (!groups.contains(group)) {
                problems.add(file + ": recipient group '" + group + "' has nobody in " + RECIPIENTS);
            }
        }
        List<String> reports = map.containsKey("reports") ? list(map, "reports", file, problems) : List.copyOf(new java.util.TreeSet<>(REPORTS));
        for (String report : reports) {
            if (!REPORTS.contains(report)) {
                problems.add(file + ": report '" + report + "' is not one of " + String.join(", ", new java.util.TreeSet<>(REPORTS)));
            }
        }
        int keep = ScheduleDefinition.DEFAULT_KEEP;
        if (map.containsKey("keep")) {
            String k = string(map, "keep");
            if (kind != ScheduleDefinition.Kind.BACKUP) {
                problems.add(file + ": 'keep' (how many backups to keep) belongs to run: backup only");
            } else if (k == null || !k.matches("[1-9]\\d{0,3}")) {
                problems.add(file + ": keep '" + k + "' must be a whole number of backups, at least 1");
            } else {
                keep = Integer.parseInt(k);
            }
        }
        int olderThan = ScheduleDefinition.DEFAULT_OLDER_THAN_DAYS;
        if (map.containsKey("older-than-days")) {
            String n = string(map, "older-than-days");
            if (kind != ScheduleDefinition.Kind.REVIEW_REMINDER) {
                problems.add(file + ": 'older-than-days' (how long a submission waits before its reviewer is reminded) belongs to run: review-reminder only");
            } else if (n == null || !n.matches("\\d{1,3}")) {
                problems.add(file + ": older-than-days '" + n + "' must be a whole number of days (0 or more)");
            } else {
                olderThan = Integer.parseInt(n);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        boolean fireOnce = misfire == null ? kind.fireOnceByDefault : misfire.equals("fire-once");
        return new ScheduleDefinition(name, string(map, "description"), cron, zone, kind, fireOnce, recipients, reports, file, keep, olderThan);
    }

    @SuppressWarnings("unchecked")
    private static List<Recipient> recipients(String text, List<String> problems) {
        List<Recipient> result = new ArrayList<>();
        try {
            Map<String, Object> map = YAML.readValue(text, Map.class);
            Object list = map == null ? null : map.get("recipients");
            if (!(list instanceof List<?> entries)) {
                problems.add(RECIPIENTS + ": expected a list under 'recipients'");
                return result;
            }
            int i = 0;
            for (Object entry : entries) {
                i++;
                Map<String, Object> r = (Map<String, Object>) entry;
                String email = string(r, "email");
                String group = string(r, "group");
                if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    problems.add(RECIPIENTS + ": entry " + i + " has no valid email");
                } else if (group == null) {
                    problems.add(RECIPIENTS + ": entry " + i + " (" + email + ") has no group");
                } else if (group.equals("city-leaders") && string(r, "region") == null) {
                    problems.add(RECIPIENTS + ": entry " + i + " (" + email + ") is a city leader without region");
                } else if (group.equals("unit-contacts") && string(r, "unit") == null) {
                    problems.add(RECIPIENTS + ": entry " + i + " (" + email + ") is a unit contact without unit");
                } else {
                    result.add(new Recipient(string(r, "name"), email, group, string(r, "region"), string(r, "unit")));
                }
            }
        } catch (IOException | ClassCastException e) {
            problems.add(RECIPIENTS + ": not valid: " + e.getMessage());
        }
        return result;
    }

    private static String string(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static List<String> list(Map<String, Object> map, String key, String file, List<String> problems) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> items)) {
            problems.add(file + ": '" + key + "' must be a list, e.g. [a, b]");
            return List.of();
        }
        return items.stream().map(String::valueOf).toList();
    }
}
