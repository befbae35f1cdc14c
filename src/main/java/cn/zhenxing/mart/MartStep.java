package cn.zhenxing.mart;

/**
 * The rebuild of one quarter's marts, in order (each step is the statement of the same name in
 * marts.sql, run in the quarter's one transaction). A step's rows count towards one figure of
 * {@link MartRefresher.Refreshed}, or none.
 */
enum MartStep {
    DELETE_MONITORING("deleteMonitoring", Counts.NONE),
    MONITORING("monitoring", Counts.NONE),
    DELETE_INDICATORS("deleteIndicators", Counts.NONE),
    DELETE_SOURCES("deleteSources", Counts.NONE),
    INDICATOR_LEAVES("indicatorLeaves", Counts.INDICATORS),
    INDICATOR_CITIES("indicatorCities", Counts.INDICATORS),
    INDICATOR_PROVINCE("indicatorProvince", Counts.INDICATORS),
    INDICATOR_AREAS("indicatorAreas", Counts.INDICATORS),
    SOURCES_REPORTED("sourcesReported", Counts.NONE),
    SOURCES_CITIES("sourcesCities", Counts.NONE),
    SOURCES_PROVINCE("sourcesProvince", Counts.NONE),
    SOURCES_AREAS("sourcesAreas", Counts.NONE),
    INDICATOR_CURRENCY("indicatorCurrency", Counts.NONE),
    INDICATOR_YEAR_AGO("indicatorYearAgo", Counts.NONE),
    INDICATOR_OWN_TARGET("indicatorOwnTarget", Counts.NONE),
    INDICATOR_INHERITED_TARGET("indicatorInheritedTarget", Counts.NONE),
    INDICATOR_BASIS("indicatorBasis", Counts.NONE),
    INDICATOR_PATH("indicatorPath", Counts.NONE),
    INDICATOR_ATTAINMENT("indicatorAttainment", Counts.NONE),
    INDICATOR_STATUS("indicatorStatus", Counts.NONE),
    DELETE_TASKS("deleteTasks", Counts.NONE),
    TASKS("tasks", Counts.TASKS),
    DELETE_PROJECTS("deleteProjects", Counts.NONE),
    PROJECTS("projects", Counts.PROJECTS),
    DELETE_COMPLETENESS("deleteCompleteness", Counts.NONE),
    COMPLETENESS("completeness", Counts.UNITS),
    DELETE_QUALITY("deleteQuality", Counts.NONE),
    QUALITY_HISTORY("qualityHistory", Counts.QUALITY_WARNINGS),
    QUALITY_PEERS("qualityPeers", Counts.QUALITY_WARNINGS),
    LOG("log", Counts.NONE);

    /** Which figure of a rebuild a step's row count adds to. */
    enum Counts { NONE, INDICATORS, TASKS, PROJECTS, UNITS, QUALITY_WARNINGS }

    final String statement;
    final Counts counts;

    MartStep(String statement, Counts counts) {
        this.statement = "refresh." + statement;
        this.counts = counts;
    }
}
