package org.parkscope.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.parkscope.chain.ChainService;
import org.parkscope.enterprise.EnterpriseCommands;

/** Every qualification type the chain definitions use is a type of the registry: importer, edit form and names. */
class QualificationVocabularyTest {

    @Test
    void chainQualificationTypesAreInTheImporterTheEditFormAndTheMessageFiles() throws IOException {
        Properties zh = messages("/messages.properties");
        Properties en = messages("/messages_en.properties");
        ChainService.QUALIFICATION_TITLES.forEach((type, title) -> {
            assertThat(Vocabulary.lookup(Vocabulary.QUALIFICATIONS, title)).as(title).contains(type);
            assertThat(Vocabulary.lookup(Vocabulary.QUALIFICATIONS, type)).as(type).contains(type);
            assertThat(EnterpriseCommands.QUALIFICATION_TYPES).contains(type);
            assertThat(zh.getProperty("qualification.type." + type)).as(type).isEqualTo(title);
            assertThat(en.getProperty("qualification.type." + type)).as(type).isNotBlank();
        });
        for (String type : EnterpriseCommands.QUALIFICATION_TYPES) {
            assertThat(zh.getProperty("qualification.type." + type)).as(type).isNotBlank();
            assertThat(en.getProperty("qualification.type." + type)).as(type).isNotBlank();
        }
    }

    static Properties messages(String path) throws IOException {
        Properties p = new Properties();
        try (var in = QualificationVocabularyTest.class.getResourceAsStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
