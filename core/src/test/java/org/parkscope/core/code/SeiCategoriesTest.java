package org.parkscope.core.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeiCategoriesTest {

    final SeiCategories sei = SeiCategories.load();

    @Test
    void nineTopLevelIndustriesInOfficialOrder() {
        assertThat(sei.topLevel()).extracting(SeiCategory::name).containsExactly(
                "新一代信息技术产业", "高端装备制造产业", "新材料产业", "生物产业", "新能源汽车产业",
                "新能源产业", "节能环保产业", "数字创意产业", "相关服务业");
        assertThat(sei.topLevel()).allSatisfy(c -> assertThat(c.level()).isEqualTo(1));
    }

    @Test
    void parentsFollowTheDottedCode() {
        SeiCategory leaf = sei.find("1.1.1").orElseThrow();
        assertThat(leaf.level()).isEqualTo(3);
        assertThat(sei.parent("1.1.1")).map(SeiCategory::code).contains("1.1");
        assertThat(sei.parent("1.1")).map(SeiCategory::name).contains("新一代信息技术产业");
        assertThat(sei.parent("1")).isEmpty();
        assertThat(sei.parent("99.1")).isEmpty();
        assertThat(sei.children("1.1")).extracting(SeiCategory::code).contains("1.1.1", "1.1.2");
    }

    @Test
    void everyRowIsLoadedWithItsConfirmationFlag() throws IOException {
        List<String> lines = ResourceLines.dataLines(SeiCategories.RESOURCE);
        for (String line : lines) {
            String[] f = line.split(",");
            SeiCategory c = sei.find(f[0]).orElseThrow();
            assertThat(c.level()).isEqualTo(Integer.parseInt(f[1]));
            assertThat(c.codeConfirmed()).isEqualTo(f[3].equals("yes"));
        }
        assertThat(sei.find("10")).isEmpty();
    }
}
