package org.parkscope.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The importer's sheet handler gives exactly the events POI's {@code XSSFSheetXMLHandler} gives (rows, cell references,
 * cell texts, and the exception that stops a damaged sheet), over every kind of cell, hand-written sheet XML and the
 * fuzzing seed workbooks.
 */
class SheetHandlerTest {

    @TempDir Path dir;

    /** Records the events a handler gives, ending with the exception that stopped the parse, if any. */
    static final class Recorder implements XSSFSheetXMLHandler.SheetContentsHandler {
        final List<String> events = new ArrayList<>();

        @Override
        public void startRow(int rowNum) {
            events.add("row " + rowNum);
        }

        @Override
        public void endRow(int rowNum) {
            events.add("end " + rowNum);
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            events.add(ref + "=" + value);
        }
    }

    static List<String> events(byte[] sheetXml, boolean poi, StylesTable styles, SharedStrings strings) {
        Recorder r = new Recorder();
        ContentHandler h = poi ? new XSSFSheetXMLHandler(styles, null, strings, r, new XlsxSource.RawFormatter(), false)
                : new SheetHandler(styles, strings, r, new XlsxSource.RawFormatter());
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            XMLReader parser = f.newSAXParser().getXMLReader();
            parser.setContentHandler(h);
            parser.parse(new InputSource(new ByteArrayInputStream(sheetXml)));
        } catch (Exception e) {
            Throwable cause = e instanceof org.xml.sax.SAXException s && s.getException() != null ? s.getException() : e;
            r.events.add("failed " + cause.getClass().getName());
        }
        return r.events;
    }

    /** Every sheet of a workbook through both handlers: the same events. Returns how many events were compared. */
    static int compareWorkbook(Path xlsx) throws Exception {
        int n = 0;
        try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            var sheets = reader.getSheetsData();
            while (sheets.hasNext()) {
                byte[] xml;
                try (InputStream in = sheets.next()) {
                    xml = in.readAllBytes();
                }
                List<String> poi = events(xml, true, styles, strings);
                assertThat(events(xml, false, styles, strings)).as(xlsx.getFileName().toString()).isEqualTo(poi);
                n += poi.size();
            }
        }
        return n;
    }

    Path workbook() throws Exception {
        Path file = dir.resolve("cells.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("数据");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            XSSFRow h = s.createRow(0);
            String[] head = {"统一社会信用代码", "期间", "指标", "数值", "日期", "布尔", "公式"};
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            for (int r = 1; r <= 40; r++) {
                XSSFRow row = s.createRow(r % 7 == 0 ? r + 3 : r); // gaps between rows
                row.createCell(0).setCellValue("91310000MA1K" + (r % 5) + "_x0041_" + r);
                row.createCell(1).setCellValue(r % 2 == 0 ? "2024-0" + (r % 9 + 1) : "2024");
                XSSFRichTextString rich = new XSSFRichTextString("营业收入 " + r);
                XSSFFont bold = wb.createFont();
                bold.setBold(true);
                rich.applyFont(0, 2, bold);
                row.createCell(2).setCellValue(rich);
                row.createCell(3).setCellValue(r * 1234.5678 - 17);
                row.getCell(3).setCellStyle(r % 3 == 0 ? money : r % 3 == 1 ? percent : null);
                row.createCell(4).setCellValue(LocalDate.of(2020, 1, 1).plusDays(r * 37L));
                row.getCell(4).setCellStyle(date);
                row.createCell(5).setCellValue(r % 2 == 0);
                if (r % 4 == 0) {
                    row.createCell(6).setCellFormula("1/0");
                } else if (r % 4 == 1) {
                    row.createCell(6).setCellFormula("D" + (r + 1) + "*2");
                } else {
                    row.createCell(6).setCellFormula("\"x\"&A" + (r + 1));
                }
                if (r % 5 == 0) {
                    row.createCell(12).setBlank(); // a styled empty cell far right
                    row.getCell(12).setCellStyle(money);
                }
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    @Test
    void everyKindOfCellOfAWorkbookGivesPoisEvents() throws Exception {
        assertThat(compareWorkbook(workbook())).isGreaterThan(300);
    }

    @Test
    void handWrittenSheetXmlGivesPoisEventsIncludingTheDamagedParts() throws Exception {
        Path file = workbook();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            String ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            String[] bodies = {
                // inline strings: plain, with runs and phonetic text, escaped, spaces kept, in <v>, empty
                "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>税收</t></is></c>"
                        + "<c r=\"B1\" t=\"inlineStr\"><is><r><t>营业</t></r><r><rPr><b/></rPr><t>收入</t></r>"
                        + "<rPh><t>えい</t></rPh></is></c>"
                        + "<c r=\"C1\" t=\"inlineStr\"><is><t>a_x000D_b_x0041__x00</t></is></c>"
                        + "<c r=\"D1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">  x  </t></is></c>"
                        + "<c r=\"E1\" t=\"inlineStr\"><v>in v</v></c><c r=\"F1\" t=\"inlineStr\"><is><t/></is></c></row>",
                // rows and cells without references, numbers with and without styles, text in a number cell
                "<row><c><v>1.5</v></c><c s=\"1\"><v>45000</v></c><c s=\"99\"><v>3</v></c></row>"
                        + "<row><c r=\"C5\"><v>abc</v></c><c r=\"D5\"><v></v></c><c r=\"E5\" s=\"2\"><v> 12.25 </v></c>"
                        + "<c r=\"F5\"><v>1e400</v></c><c r=\"G5\"><v>-0</v></c></row>",
                // booleans, errors, formulas (number, text, shared, error), shared strings in and out of range
                "<row r=\"7\"><c r=\"A7\" t=\"b\"><v>0</v></c><c r=\"B7\" t=\"b\"><v>1</v></c>"
                        + "<c r=\"C7\" t=\"e\"><v>#DIV/0!</v></c><c r=\"D7\"><f>1+1</f><v>2</v></c>"
                        + "<c r=\"E7\" t=\"str\"><f>A1</f><v>text</v></c><c r=\"F7\" s=\"1\"><f t=\"shared\" si=\"0\"/>"
                        + "<v>44000.5</v></c><c r=\"G7\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                        + "<c r=\"H7\" t=\"s\"><v>0</v></c><c r=\"I7\" t=\"s\"><v> 3 </v></c><c r=\"J7\" t=\"s\"><v>0</v></c>"
                        + "<c r=\"L7\" t=\"s\"><v>x</v></c><c r=\"M7\" t=\"s\"><v></v></c>"
                        + "<c r=\"O7\" t=\"s\"><v>3</v></c></row>",
                // shared strings out of the table's range (the importer's table answers a marker for them instead)
                "<row r=\"8\"><c r=\"A8\" t=\"s\"><v>1</v></c><c r=\"K8\" t=\"s\"><v>99999</v></c></row>",
                "<row r=\"8\"><c r=\"A8\" t=\"s\"><v>2</v></c><c r=\"N8\" t=\"s\"><v>-1</v></c></row>",
                // a foreign element and text outside cells, then damage: an empty boolean, a bad row number, a bad style
                "<row r=\"9\"><x:c xmlns:x=\"urn:other\" r=\"A9\"><x:v>no</x:v></x:c><c r=\"B9\"><v>1</v></c></row>"
                        + "<row r=\"10\"><c r=\"A10\" t=\"b\"><v></v></c></row>",
                "<row r=\"x\"><c r=\"A1\"><v>1</v></c></row>",
                "<row r=\"2\"><c r=\"A2\" s=\"q\"><v>1</v></c></row>",
            };
            for (String body : bodies) {
                byte[] xml = ("<worksheet xmlns=\"" + ns + "\"><sheetData>" + body + "</sheetData></worksheet>")
                        .getBytes(StandardCharsets.UTF_8);
                List<String> poi = events(xml, true, styles, strings);
                assertThat(events(xml, false, styles, strings)).as(body).isEqualTo(poi);
                assertThat(poi).isNotEmpty();
            }
        }
    }

    @Test
    void theFuzzingSeedWorkbooksGivePoisEvents() throws Exception {
        Path seeds = Path.of("src/test/resources/org/parkscope/importing/ImportReadersFuzzTestInputs/xlsx");
        List<Path> files;
        try (Stream<Path> s = Files.list(seeds)) {
            files = s.sorted().toList();
        }
        assertThat(files).isNotEmpty();
        int compared = 0;
        for (Path f : files) {
            try {
                compared += compareWorkbook(f);
            } catch (Exception | LinkageError e) {
                // a seed POI cannot open as a package at all: neither handler sees a sheet
            }
        }
        assertThat(compared).isPositive();
    }

    @Test
    void stringsWithoutEscapesAreTakenAsTheyAre() {
        assertThat(SheetHandler.decode("统一社会信用代码 x")).isEqualTo("统一社会信用代码 x");
        assertThat(SheetHandler.decode("a_x0041_b")).isEqualTo("aAb");
    }
}
