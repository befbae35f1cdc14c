package cn.zhenxing.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What counts as a 说明 for a 核实 finding (etl/rules/explanations.yml): long enough to say
 * something, and not one of the stock phrases that only repeat "it is right".
 */
public record Explanations(int minChars, List<String> notAccepted, String requestZh) {

    static Explanations read(JsonNode node) {
        List<String> phrases = new ArrayList<>();
        node.path("not_accepted").forEach(p -> phrases.add(normalise(p.asText())));
        if (!node.path("min_chars").isInt() || node.path("request").asText().isBlank()) {
            throw new IllegalStateException("etl/rules/explanations.yml: explanation.min_chars (a whole number) and explanation.request are required");
        }
        return new Explanations(node.path("min_chars").asInt(), List.copyOf(phrases), node.path("request").asText());
    }

    /** The explanation if it counts, else null. */
    public String accepted(String note) {
        if (note == null) {
            return null;
        }
        String text = normalise(note);
        if (text.codePointCount(0, text.length()) < minChars) {
            return null;
        }
        String rest = text;
        for (String phrase : notAccepted) {
            rest = rest.replace(phrase, "");
        }
        // Stock phrases strung together ("经核实，数据无误，正确") are still no explanation.
        return rest.codePointCount(0, rest.length()) < minChars ? null : note.strip();
    }

    /** Letters and digits only: punctuation and spaces do not make a phrase different or longer. */
    static String normalise(String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().filter(Character::isLetterOrDigit).forEach(s::appendCodePoint);
        return s.toString();
    }
}
