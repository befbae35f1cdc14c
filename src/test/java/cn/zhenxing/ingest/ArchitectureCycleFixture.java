package cn.zhenxing.ingest;

/** The other half of ArchitectureTest's deliberate cycle. */
public class ArchitectureCycleFixture {
    cn.zhenxing.calendar.ArchitectureCycleFixture calendar;
}
