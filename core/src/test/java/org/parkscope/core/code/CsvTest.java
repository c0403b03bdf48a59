package org.parkscope.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void splitsPlainFieldsAndKeepsEmptyOnes() {
        assertThat(Csv.split("1,A,农、林、牧、渔业,A,")).containsExactly("1", "A", "农、林、牧、渔业", "A", "");
    }

    @Test
    void honoursQuotesWithCommasAndDoubledQuotes() {
        assertThat(Csv.split("3612,\"新能源车整车制造, 含\"\"插混\"\"\",C,3610\r"))
                .containsExactly("3612", "新能源车整车制造, 含\"插混\"", "C", "3610");
    }

    @Test
    void dropsByteOrderMark() {
        assertThat(Csv.split("\uFEFFcode,name")).containsExactly("code", "name");
    }

    @Test
    void rejectsUnterminatedQuote() {
        assertThatThrownBy(() -> Csv.split("a,\"b")).isInstanceOf(IllegalArgumentException.class);
    }
}
