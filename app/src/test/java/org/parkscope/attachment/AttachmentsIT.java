package org.parkscope.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.evaluation.EvaluationService;
import org.parkscope.evaluation.Findings;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Documents kept with their records, uploaded and fetched through the pages: an enterprise's objection evidence, a
 * ledger item's and a land contract's documents. Each upload is checked by its content and size and audited; a file
 * is handed out only to those who may see its record; a refused file keeps nothing, not even the objection.
 */
@PlatformTest
class AttachmentsIT {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired Environment env;
    @Autowired JdbcClient jdbc;
    @Autowired EvaluationService evaluations;

    int port() {
        return Integer.parseInt(env.getProperty("local.server.port"));
    }

    @Test
    void documentsAreCheckedKeptAuditedAndHandedOnlyToThoseWhoMaySeeTheirRecord() throws Exception {
        long before = jdbc.sql("select coalesce(max(id), 0) from attachment").query(Long.class).single();
        long quectel = jdbc.sql("select id from enterprise where name like '上海移远%'").query(Long.class).single();
        long run = evaluations.create("huangyan-2022", "test");
        Findings.acknowledgeAll(evaluations, run);
        evaluations.publicise(run, 5, "test");
        Browser firm = Browser.signedIn(port(), "enterprise", "Parkscope2024");
        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
        Browser park = Browser.signedIn(port(), "park", "Parkscope2024");
        String explanation = "/evaluations/" + run + "/enterprises/" + quectel;
        try {
            // an objection with its evidence as a file
            assertThat(firm.get(explanation).body()).contains("enctype=\"multipart/form-data\"", "type=\"file\"");
            HttpResponse<String> filed = firm.upload(explanation + "/objections", Map.of("metric", "TAX", "claimed",
                    "99999", "reason", "漏计一笔税款"), "完税证明.pdf", PDF);
            assertThat(filed.statusCode()).isEqualTo(302);
            long objection = jdbc.sql("select id from evaluation_objection where run_id = ? and enterprise_id = ?")
                    .params(run, quectel).query(Long.class).single();
            long evidence = jdbc.sql("select id from attachment where objection_id = ?").param(objection)
                    .query(Long.class).single();
            assertThat(jdbc.sql("select count(*) from audit_log where entity = 'attachment' and action = 'ATTACH'"
                    + " and entity_id = ? and enterprise_id = ?").params(String.valueOf(evidence), quectel)
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(firm.get(explanation).body()).contains("完税证明.pdf", "/attachments/" + evidence);
            HttpResponse<byte[]> got = firm.download("/attachments/" + evidence);
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(got.body()).isEqualTo(PDF);
            assertThat(got.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
            assertThat(admin.get("/evaluations/" + run).body()).contains("/attachments/" + evidence);
            assertThat(admin.download("/attachments/" + evidence).statusCode()).isEqualTo(200);
            assertThat(park.download("/attachments/" + evidence).statusCode()).as("another park's firm").isEqualTo(404);

            // files that are not what they say, or too large: refused in the user's words, nothing kept
            firm.get(explanation);
            byte[] exe = "MZ\u0090\u0000 this program".getBytes(StandardCharsets.ISO_8859_1);
            firm.upload(explanation + "/objections", Map.of("metric", "TAX", "reason", "再次提出"), "证明.pdf", exe);
            assertThat(firm.get(explanation).body()).contains("不是 PDF、JPG、PNG");
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
            firm.upload(explanation + "/objections", Map.of("metric", "TAX", "reason", "再次提出"), "scan.pdf", png);
            assertThat(firm.get(explanation).body()).contains("扩展名与文件内容不符");
            byte[] big = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
            firm.get(explanation + "?lang=en");
            firm.upload(explanation + "/objections", Map.of("metric", "TAX", "reason", "again"), "big.pdf", big);
            assertThat(firm.get(explanation).body()).contains("larger than 10 MB");
            firm.get(explanation + "?lang=zh_CN");
            assertThat(jdbc.sql("select count(*) from evaluation_objection where run_id = ?").param(run)
                    .query(Long.class).single()).as("a refused file keeps no objection either").isEqualTo(1);

            // a ledger item's document (a Word file), seen by the park's operator, not by an enterprise
            long sls = jdbc.sql("select id from park where code = 'SLS'").query(Long.class).single();
            long item = jdbc.sql("select ip.intervention_id from land_intervention_parcel ip join parcel p"
                    + " on p.id = ip.parcel_id where p.park_id = ? order by 1 limit 1").param(sls).query(Long.class)
                    .single();
            admin.get("/land/interventions/" + item);
            HttpResponse<String> up = admin.upload("/land/interventions/" + item + "/attachments", Map.of(),
                    "收储协议.docx", office("word/document.xml"));
            assertThat(admin.follow(up).body()).contains("附件已保存", "收储协议.docx");
            long doc = jdbc.sql("select id from attachment where intervention_id = ?").param(item).query(Long.class)
                    .single();
            assertThat(park.download("/attachments/" + doc).statusCode()).isEqualTo(200);
            assertThat(firm.download("/attachments/" + doc).statusCode()).isEqualTo(404);

            // a land contract's scan (an Excel file named .docx is refused; as .xlsx it is kept)
            long parcel = jdbc.sql("select min(id) from parcel where park_id = ?").param(sls).query(Long.class).single();
            admin.get("/parcels/" + parcel);
            admin.post("/parcels/" + parcel + "/contracts", Map.of("contractNo", "ATTACH-IT-1", "kind", "STANDARD",
                    "signedOn", "2020-03-01"));
            long contract = jdbc.sql("select id from land_contract where contract_no = 'ATTACH-IT-1'")
                    .query(Long.class).single();
            assertThat(admin.get("/parcels/" + parcel).body()).contains("ATTACH-IT-1",
                    "/parcels/" + parcel + "/contracts/" + contract + "/attachments");
            String path = "/parcels/" + parcel + "/contracts/" + contract + "/attachments";
            assertThat(admin.follow(admin.upload(path, Map.of(), "合同.docx", office("xl/workbook.xml"))).body())
                    .contains("扩展名与文件内容不符");
            assertThat(admin.follow(admin.upload(path, Map.of(), "合同.xlsx", office("xl/workbook.xml"))).body())
                    .contains("附件已保存", "合同.xlsx");
            assertThat(jdbc.sql("select count(*) from attachment where contract_id = ?").param(contract)
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(park.download("/attachments/" + jdbc.sql("select id from attachment where contract_id = ?")
                    .param(contract).query(Long.class).single()).statusCode()).isEqualTo(200);
        } finally {
            jdbc.sql("delete from attachment where id > ?").param(before).update();
            jdbc.sql("delete from land_contract where contract_no = 'ATTACH-IT-1'").update();
            jdbc.sql("delete from evaluation_objection where run_id = ?").param(run).update();
        }
    }

    /** A minimal Office Open XML package: its content-types part and the part that says what it is. */
    private static byte[] office(String part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : new String[] {"[Content_Types].xml", part}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
