package cn.zhenxing.catalog;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.item.support.AbstractItemCountingItemStreamItemReader;

/** Restartable reader of one catalog CSV file (header row first, RFC 4180 quoting, UTF-8). */
class CsvRowReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();

    private final CatalogSource source;
    private final String file;
    private CSVParser parser;
    private Iterator<CSVRecord> records;

    CsvRowReader(CatalogSource source, String file) {
        this.source = source;
        this.file = file;
        setName("csv-" + file);
    }

    @Override
    protected void doOpen() throws IOException {
        Reader reader = new InputStreamReader(source.open(file), StandardCharsets.UTF_8);
        parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        records = parser.iterator();
    }

    @Override
    protected CsvRow doRead() {
        if (!records.hasNext()) {
            return null;
        }
        CSVRecord record = records.next();
        return new CsvRow(file, parser.getCurrentLineNumber(), record.toMap());
    }

    @Override
    protected void doClose() throws IOException {
        if (parser != null) {
            parser.close();
        }
    }

    /** Reads a whole (small) catalog file outside a step, e.g. for a lookup table. */
    static List<CsvRow> readAll(CatalogSource source, String file) {
        CsvRowReader reader = new CsvRowReader(source, file);
        try {
            reader.doOpen();
            List<CsvRow> rows = new java.util.ArrayList<>();
            for (CsvRow row = reader.doRead(); row != null; row = reader.doRead()) {
                rows.add(row);
            }
            reader.doClose();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
