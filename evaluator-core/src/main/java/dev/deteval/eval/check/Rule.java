package dev.deteval.eval.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Limits that apply to one kind of {@link Element}: the dataset, or every category whose name matches
 * one of the includes and none of the excludes ({@code *} matches any run of characters, {@code ?} one
 * character; names are case-sensitive). Immutable; create one with {@link #builder(Element)}.
 *
 * <pre>{@code
 * Rule rule = Rule.builder(Element.CATEGORY)
 *         .optIncludes(List.of("person", "car*"))
 *         .addLimit(Limit.minimum("AP", "0.40"))
 *         .build();
 * }</pre>
 */
public final class Rule {

    private final Element element;
    private final List<String> includes;
    private final List<String> excludes;
    private final List<Limit> limits;
    private final OnMissing onMissing;

    private Rule(Builder b) {
        element = b.element;
        includes = List.copyOf(b.includes.isEmpty() && element == Element.CATEGORY ? List.of("*") : b.includes);
        excludes = List.copyOf(b.excludes);
        limits = List.copyOf(b.limits);
        onMissing = b.onMissing;
    }

    /** A builder for a rule on {@code element}. */
    public static Builder builder(Element element) {
        return new Builder(Objects.requireNonNull(element, "element"));
    }

    /** What the limits apply to. */
    public Element element() {
        return element;
    }

    /** Category name patterns to check; {@code [*]} by default for a CATEGORY rule, empty for DATASET. */
    public List<String> includes() {
        return includes;
    }

    /** Category name patterns to leave out; empty by default. */
    public List<String> excludes() {
        return excludes;
    }

    /** The limits, at least one. */
    public List<Limit> limits() {
        return limits;
    }

    /** What happens to a limit whose metric cannot be computed; {@link OnMissing#FAIL} by default. */
    public OnMissing onMissing() {
        return onMissing;
    }

    /** Whether a category with this name is checked by this rule (always false for a DATASET rule). */
    public boolean selects(String categoryName) {
        return element == Element.CATEGORY && matchesAny(includes, categoryName) && !excluded(categoryName);
    }

    /** Whether the name matches one of the excludes. */
    boolean excluded(String categoryName) {
        return matchesAny(excludes, categoryName);
    }

    private static boolean matchesAny(List<String> patterns, String name) {
        for (String p : patterns) {
            if (Wildcard.matches(p, name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        String scope = element == Element.DATASET ? "dataset"
                : "category " + includes + (excludes.isEmpty() ? "" : " except " + excludes);
        return scope + " " + limits + (onMissing == OnMissing.FAIL ? "" : " onMissing=" + onMissing);
    }

    /** Collects a rule's settings; {@link #build()} checks them. */
    public static final class Builder {
        private final Element element;
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private final List<Limit> limits = new ArrayList<>();
        private OnMissing onMissing = OnMissing.FAIL;

        private Builder(Element element) {
            this.element = element;
        }

        /** Adds a limit (at least one is required). */
        public Builder addLimit(Limit limit) {
            limits.add(Objects.requireNonNull(limit, "limit"));
            return this;
        }

        /** Adds limits. */
        public Builder addLimits(List<Limit> more) {
            more.forEach(this::addLimit);
            return this;
        }

        /** Adds a category name pattern to check (CATEGORY rules only). */
        public Builder optInclude(String pattern) {
            includes.add(pattern(pattern, "include"));
            return this;
        }

        /** Adds category name patterns to check (CATEGORY rules only). */
        public Builder optIncludes(List<String> patterns) {
            patterns.forEach(this::optInclude);
            return this;
        }

        /** Adds a category name pattern to leave out (CATEGORY rules only). */
        public Builder optExclude(String pattern) {
            excludes.add(pattern(pattern, "exclude"));
            return this;
        }

        /** Adds category name patterns to leave out (CATEGORY rules only). */
        public Builder optExcludes(List<String> patterns) {
            patterns.forEach(this::optExclude);
            return this;
        }

        /** Sets what a metric that cannot be computed does ({@link OnMissing#FAIL} unless set). */
        public Builder optOnMissing(OnMissing value) {
            onMissing = Objects.requireNonNull(value, "onMissing");
            return this;
        }

        /**
         * The rule.
         *
         * @throws InvalidRuleException without limits, or with includes or excludes on a DATASET rule
         */
        public Rule build() {
            if (limits.isEmpty()) {
                throw new InvalidRuleException("a " + element.word() + " rule has no limits; add at least one"
                        + " limit with a metric and a minimum, maximum or maximumDrop");
            }
            if (element == Element.DATASET && !(includes.isEmpty() && excludes.isEmpty())) {
                throw new InvalidRuleException("includes and excludes " + includes + excludes + " apply to"
                        + " CATEGORY rules only; set the rule's element to CATEGORY");
            }
            return new Rule(this);
        }

        private static String pattern(String pattern, String what) {
            if (pattern == null || pattern.isEmpty()) {
                throw new InvalidRuleException("an " + what + " pattern is empty; give a category name, * or ?"
                        + " wildcards allowed");
            }
            return pattern;
        }
    }
}
