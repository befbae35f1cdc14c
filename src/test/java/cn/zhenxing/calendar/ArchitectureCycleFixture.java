package cn.zhenxing.calendar;

/** Half of a deliberate cycle between two features, for ArchitectureTest to catch (never used otherwise). */
public class ArchitectureCycleFixture {
    cn.zhenxing.ingest.ArchitectureCycleFixture ingest;
}
