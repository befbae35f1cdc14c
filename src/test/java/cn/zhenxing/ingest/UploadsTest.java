package cn.zhenxing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadsTest {

    @Test
    void uploadedFileNamesAreSanitised() {
        assertThat(Uploads.displayName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Uploads.displayName("C:\\Users\\张三\\长治市季报.xlsx")).isEqualTo("长治市季报.xlsx");
        assertThat(Uploads.displayName("..")).isEqualTo("upload.xlsx");
        // Stored by id: the name on disk depends neither on the uploaded name nor on its length.
        assertThat(Uploads.storedName("长治 市/季报.xlsx")).matches("[0-9a-f-]{36}\\.xlsx");
        assertThat(Uploads.storedName("长".repeat(255) + ".XLS")).matches("[0-9a-f-]{36}\\.xls");
        assertThat(Uploads.storedName("季报.x/../../etc")).matches("[0-9a-f-]{36}\\.bin");
        assertThat(Uploads.storedName("a.xlsx")).isNotEqualTo(Uploads.storedName("a.xlsx"));
    }
}
