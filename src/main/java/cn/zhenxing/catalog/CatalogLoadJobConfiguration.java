package cn.zhenxing.catalog;

import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The catalog load job: the plans' reference tables (etl/reference) into the warehouse's dimensions
 * and target facts. Identified by the catalog checksum and effective date, so an unchanged catalog
 * is not loaded again; every writer compares before it writes, so a forced reload changes nothing.
 * Each file is one chunk (one transaction): a killed load restarts at the file it was in.
 */
@Configuration(proxyBeanMethods = false)
class CatalogLoadJobConfiguration {

    static final String JOB_NAME = "catalogLoadJob";
    static final String CHECKSUM = "catalog.checksum";
    static final String EFFECTIVE_DATE = "catalog.effectiveDate";
    static final String SOURCE = "catalog.source";
    static final String SOURCE_DESCRIPTION = "catalog.sourceDescription";
    static final String FORCE_RUN = "catalog.forceRun";
    static final String LOAD_ID = "catalogLoadId";
    static final String INITIAL_LOAD = "initialLoad";

    /** Larger than any catalog file, so a file is written in one transaction. */
    private static final int CHUNK = 5_000;

    private final JobRepository jobRepository;
    private final PlatformTransactionManager tx;
    private final JdbcTemplate jdbc;
    private final CatalogProgressListener progress = new CatalogProgressListener();

    CatalogLoadJobConfiguration(JobRepository jobRepository, PlatformTransactionManager tx, JdbcTemplate jdbc) {
        this.jobRepository = jobRepository;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    @Bean
    Job catalogLoadJob(Step catalogStart, Step catalogPeriods, Step catalogPlans, Step catalogRegions, Step catalogRegionsRetire,
                       Step catalogAreas, Step catalogAreaMembers, Step catalogIndicators, Step catalogTasks,
                       Step catalogProjects, Step catalogProjectMentions, Step catalogReportingUnits,
                       Step catalogPopulation, Step catalogExchangeRates, Step catalogMonitoringPoints, Step catalogFinish) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(catalogStart).next(catalogPeriods).next(catalogPlans)
                .next(catalogRegions).next(catalogRegionsRetire)
                .next(catalogAreas).next(catalogAreaMembers)
                .next(catalogIndicators).next(catalogTasks)
                .next(catalogProjects).next(catalogProjectMentions)
                .next(catalogReportingUnits)
                .next(catalogPopulation).next(catalogExchangeRates).next(catalogMonitoringPoints).next(catalogFinish)
                .build();
    }

    @Bean
    @StepScope
    CatalogSource catalogSource(@Value("#{jobParameters['" + SOURCE + "']}") String location) {
        return CatalogSource.of(location);
    }

    @Bean
    Step catalogStart() {
        return new StepBuilder("catalogStart", jobRepository).tasklet(new CatalogStartTasklet(jdbc), tx).build();
    }

    @Bean
    Step catalogPeriods() {
        return tasklet("periods", new PeriodTasklet(jdbc));
    }

    @Bean
    Step catalogPlans(CatalogSource catalogSource, PlanWriter planWriter) {
        return fileStep("plans", catalogSource, "plans.csv", planWriter);
    }

    @Bean
    @StepScope
    PlanWriter planWriter(CatalogSource catalogSource) {
        return new PlanWriter(jdbc, catalogSource);
    }

    @Bean
    Step catalogRegions(CatalogSource catalogSource, RegionWriter regionWriter) {
        return fileStep("regions", catalogSource, "regions.csv", regionWriter);
    }

    @Bean
    @StepScope
    RegionWriter regionWriter(CatalogSource catalogSource) {
        return new RegionWriter(jdbc, catalogSource);
    }

    @Bean
    Step catalogRegionsRetire(CatalogSource catalogSource) {
        return tasklet("regionsRetired", new RegionRetireTasklet(jdbc, catalogSource));
    }

    @Bean
    Step catalogAreas(CatalogSource catalogSource, AreaWriter areaWriter) {
        return fileStep("areas", catalogSource, "areas.csv", areaWriter);
    }

    @Bean
    @StepScope
    AreaWriter areaWriter(CatalogSource catalogSource) {
        return new AreaWriter(jdbc, catalogSource);
    }

    @Bean
    Step catalogAreaMembers(CatalogSource catalogSource) {
        return tasklet("areaMembership", new AreaMembershipTasklet(jdbc, catalogSource));
    }

    @Bean
    Step catalogIndicators(CatalogSource catalogSource, IndicatorWriter indicatorWriter) {
        return fileStep("indicators", catalogSource, "indicators.csv", indicatorWriter);
    }

    @Bean
    @StepScope
    IndicatorWriter indicatorWriter(CatalogSource catalogSource) {
        return new IndicatorWriter(jdbc, catalogSource);
    }

    @Bean
    Step catalogTasks(CatalogSource catalogSource, TaskWriter taskWriter) {
        return fileStep("tasks", catalogSource, "tasks.csv", taskWriter);
    }

    @Bean
    @StepScope
    TaskWriter taskWriter(CatalogSource catalogSource) {
        return new TaskWriter(jdbc, catalogSource);
    }

    @Bean
    Step catalogProjects(CatalogSource catalogSource, ProjectWriter projectWriter) {
        return fileStep("projects", catalogSource, "projects.csv", projectWriter);
    }

    @Bean
    @StepScope
    ProjectWriter projectWriter(CatalogSource catalogSource) {
        return new ProjectWriter(jdbc, catalogSource);
    }

    @Bean
    Step catalogProjectMentions(CatalogSource catalogSource, ProjectMentionWriter projectMentionWriter) {
        return fileStep("projectMentions", catalogSource, "project_mentions.csv", projectMentionWriter);
    }

    @Bean
    @StepScope
    ProjectMentionWriter projectMentionWriter(CatalogSource catalogSource) {
        return new ProjectMentionWriter(jdbc, catalogSource);
    }

    @Bean
    Step catalogReportingUnits(CatalogSource catalogSource, ReportingUnitWriter reportingUnitWriter) {
        return fileStep("reportingUnits", catalogSource, "reporting_units.csv", reportingUnitWriter);
    }

    @Bean
    @StepScope
    ReportingUnitWriter reportingUnitWriter(CatalogSource catalogSource) {
        return new ReportingUnitWriter(jdbc, catalogSource);
    }

    @Bean
    Step catalogPopulation(CatalogSource catalogSource, ReferenceWriter populationWriter) {
        return fileStep("population", catalogSource, "ref_region_population.csv", populationWriter);
    }

    @Bean
    @StepScope
    ReferenceWriter populationWriter(CatalogSource catalogSource) {
        return ReferenceWriter.population(jdbc, catalogSource);
    }

    @Bean
    Step catalogExchangeRates(CatalogSource catalogSource, ReferenceWriter exchangeRateWriter) {
        return fileStep("exchangeRates", catalogSource, "ref_exchange_rate.csv", exchangeRateWriter);
    }

    @Bean
    @StepScope
    ReferenceWriter exchangeRateWriter(CatalogSource catalogSource) {
        return ReferenceWriter.exchangeRates(jdbc, catalogSource);
    }

    @Bean
    Step catalogMonitoringPoints(CatalogSource catalogSource, MonitoringPointWriter monitoringPointWriter) {
        return fileStep("monitoringPoints", catalogSource, "monitoring_points.csv", monitoringPointWriter);
    }

    @Bean
    @StepScope
    MonitoringPointWriter monitoringPointWriter(CatalogSource catalogSource) {
        return new MonitoringPointWriter(jdbc, catalogSource);
    }

    @Bean
    Step catalogFinish() {
        return new StepBuilder("catalogFinish", jobRepository).tasklet(new CatalogFinishTasklet(jdbc), tx).build();
    }

    private Step fileStep(String name, CatalogSource source, String file, CatalogWriter writer) {
        return new StepBuilder(name, jobRepository)
                .<CsvRow, CsvRow>chunk(CHUNK, tx)
                .reader(new CsvRowReader(source, file))
                .writer(writer) // also registered as the step listener that keeps the change counts
                .listener(progress)
                .build();
    }

    private Step tasklet(String name, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, tx).listener(progress).build();
    }
}
