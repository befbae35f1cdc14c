package cn.zhenxing.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The rules of etl/rules/*.yml (shipped in the jar under rules/) and the policy for 说明 from
 * etl/rules/explanations.yml, read and checked once: a rule naming a variable its sheet does not
 * have, an unknown attribute or a bad expression stops the load with the file and rule named.
 */
public record RuleBook(List<Rule> rules, Explanations explanations) {

    /** Variables of a 表1 row (etl/rules/README.md explains each). */
    static final Set<String> INDICATOR_VARIABLES = Set.of("value", "prior", "numerator", "denominator", "factor", "last_quarter",
            "last_year", "plan_baseline", "plan_target", "baseline", "target", "own_scope", "counties_sum", "counties_count",
            "counties_rows", "other_form", "q");
    /** Variables of a 表3 row. */
    static final Set<String> PROJECT_VARIABLES = Set.of("total", "annual_plan", "quarter", "ytd", "last_ytd", "q");
    /** Catalog attributes a rule may select rows by. */
    static final Set<String> ATTRIBUTES = Set.of("code", "unit", "value_kind", "rollup", "additivity", "report_level", "frequency",
            "direction", "attribute", "target_kind", "basis", "region_level");

    /** A message placeholder: {region}, {item}, {unit} as words, anything else an expression (which may use left, right, diff). */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
    static final Set<String> MESSAGE_WORDS = Set.of("region", "item", "unit");
    static final Set<String> MESSAGE_VARIABLES = Set.of("left", "right", "diff");

    public static RuleBook load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:rules/*.yml");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            List<Rule> rules = new ArrayList<>();
            Explanations explanations = null;
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(in);
                    if (doc == null) {
                        continue;
                    }
                    if (doc.has("explanation")) {
                        explanations = Explanations.read(doc.get("explanation"));
                    }
                    for (JsonNode node : doc.path("rules")) {
                        rules.add(read(file.getFilename(), doc.path("group").asText(file.getFilename()), node));
                    }
                }
            }
            if (explanations == null) {
                throw new IllegalStateException("etl/rules/explanations.yml is missing from the classpath (rules/)");
            }
            Set<String> codes = new HashSet<>();
            for (Rule r : rules) {
                if (!codes.add(r.code())) {
                    throw new IllegalStateException("etl/rules: rule code " + r.code() + " is used twice");
                }
            }
            return new RuleBook(List.copyOf(rules), explanations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Rule> rules(Rule.Sheet sheet) {
        return rules.stream().filter(r -> r.sheet() == sheet).toList();
    }

    private static Rule read(String file, String group, JsonNode n) {
        String code = n.path("code").asText(null);
        String where = "etl/rules/" + file + " rule " + code;
        try {
            if (code == null || !code.matches("[A-Z][A-Z0-9-]{1,15}")) {
                throw new IllegalArgumentException("a code of 2-16 capitals, digits and '-' is required");
            }
            Rule.Sheet sheet = Rule.Sheet.valueOf(n.path("sheet").asText("indicators").toUpperCase());
            Map<String, Rule.Params> params = new LinkedHashMap<>();
            n.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), params(p.getValue())));
            JsonNode tolerance = n.path("tolerance");
            Rule rule = new Rule(code, required(n, "name"), group, Rule.Severity.of(required(n, "severity")), sheet,
                    selection(n.path("applies")), selection(n.path("except")),
                    n.hasNonNull("when") ? Expression.parse(n.get("when").asText()) : null,
                    Expression.parse(required(n, "left")), Rule.Operator.of(required(n, "operator")), Expression.parse(required(n, "right")),
                    decimal(tolerance.path("relative"), BigDecimal.ZERO), decimal(tolerance.path("absolute"), BigDecimal.ZERO),
                    Rule.Missing.of(n.path("missing").asText(null)), params, n.path("cell").asText(sheet == Rule.Sheet.INDICATORS ? "value" : "ytd"),
                    required(n, "message"), required(n, "fix"), n.path("description_en").asText(null));
            check(rule);
            return rule;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    private static void check(Rule rule) {
        Set<String> known = new HashSet<>(rule.sheet() == Rule.Sheet.INDICATORS ? INDICATOR_VARIABLES : PROJECT_VARIABLES);
        known.addAll(rule.params().keySet());
        List<Expression> expressions = new ArrayList<>(List.of(rule.left(), rule.right()));
        if (rule.when() != null) {
            expressions.add(rule.when());
        }
        for (Expression e : expressions) {
            for (String v : e.variables()) {
                if (!known.contains(v)) {
                    throw new IllegalArgumentException("unknown variable '" + v + "' in '" + e + "' (known: " + known + ")");
                }
            }
        }
        Set<String> inMessages = new HashSet<>(known);
        inMessages.addAll(MESSAGE_VARIABLES);
        for (String text : List.of(rule.messageZh(), rule.fixZh())) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (MESSAGE_WORDS.contains(m.group(1).strip())) {
                    continue;
                }
                for (String v : Expression.parse(m.group(1)).variables()) {
                    if (!inMessages.contains(v)) {
                        throw new IllegalArgumentException("unknown variable '" + v + "' in placeholder {" + m.group(1) + "} of '" + text + "'");
                    }
                }
            }
        }
        for (String attribute : union(rule.applies().keySet(), rule.except().keySet())) {
            if (!ATTRIBUTES.contains(attribute)) {
                throw new IllegalArgumentException("unknown attribute '" + attribute + "' (known: " + ATTRIBUTES + ")");
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, List<String>> selection(JsonNode node) {
        Map<String, List<String>> selection = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(e.getValue().asText());
            }
            selection.put(e.getKey(), List.copyOf(values));
        });
        return selection;
    }

    private static Rule.Params params(JsonNode node) {
        if (!node.isObject()) {
            return new Rule.Params(decimal(node, null), Map.of());
        }
        Map<String, BigDecimal> byItem = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("default")) {
                byItem.put(e.getKey(), decimal(e.getValue(), null));
            }
        });
        return new Rule.Params(decimal(node.path("default"), null), byItem);
    }

    private static BigDecimal decimal(JsonNode node, BigDecimal otherwise) {
        if (node.isMissingNode() || node.isNull()) {
            return otherwise;
        }
        return new BigDecimal(node.asText());
    }

    private static String required(JsonNode n, String field) {
        if (!n.hasNonNull(field) || n.get(field).asText().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return n.get(field).asText();
    }
}
