package org.parkscope.importing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * An .xlsx workbook read as a stream (SAX), so memory stays flat whatever the size: the first visible sheet (hidden
 * sheets are skipped), formula cells by their cached results, dates as ISO dates and numbers with their full stored
 * precision rather than as displayed.
 */
final class XlsxSource implements RowSource {

    private final Path file;
    private String sheetName = "";

    XlsxSource(Path file) {
        this.file = file;
    }

    @Override
    public String sheetName() {
        return sheetName;
    }

    /** Cell values as stored: dates as yyyy-MM-dd, numbers in plain notation without the display format's rounding. */
    static final class RawFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return plain(value);
        }
    }

    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Override
    public void read(RowConsumer consumer) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            Set<String> hidden = hiddenSheets(reader);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    if (hidden.contains(sheets.getSheetName())) {
                        continue;
                    }
                    sheetName = sheets.getSheetName();
                    XMLReader parser = saxParser();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(consumer),
                            new RawFormatter(), false));
                    parser.parse(new InputSource(sheet));
                    return;
                }
            }
            throw new ImportException("file.noSheet", "工作簿中没有可见的工作表", "the workbook has no visible sheet");
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | XMLStreamException e) {
            throw new ImportException("file.type", "无法读取该 Excel 文件（文件可能已损坏，或不是 .xlsx）",
                    "cannot read this Excel file (damaged, or not .xlsx)");
        } catch (org.apache.poi.ooxml.POIXMLException | IllegalArgumentException e) {
            throw new ImportException("file.type", "无法读取该 Excel 文件（文件可能已损坏，或不是 .xlsx）",
                    "cannot read this Excel file (damaged, or not .xlsx)");
        }
    }

    private static XMLReader saxParser() throws ParserConfigurationException, SAXException {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newSAXParser().getXMLReader();
    }

    /** Names of sheets marked hidden or veryHidden in workbook.xml. */
    private static Set<String> hiddenSheets(XSSFReader reader)
            throws IOException, OpenXML4JException, XMLStreamException {
        Set<String> hidden = new HashSet<>();
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader x = f.createXMLStreamReader(in);
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("sheet")) {
                    String state = x.getAttributeValue(null, "state");
                    if (state != null && !state.equals("visible")) {
                        hidden.add(x.getAttributeValue(null, "name"));
                    }
                }
            }
        }
        return hidden;
    }

    /** Turns the cell events of one row into a list, keeping empty cells in their columns. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowConsumer consumer;
        private List<String> cells = new ArrayList<>();

        Rows(RowConsumer consumer) {
            this.consumer = consumer;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            consumer.row(rowNum + 1, cells);
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? cells.size() : new CellReference(ref).getCol();
            while (cells.size() < col) {
                cells.add(null);
            }
            cells.add(value);
        }
    }
}
