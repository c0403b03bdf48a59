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
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.parkscope.core.validate.Limits;
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
        if (!Double.isFinite(value)) {
            return String.valueOf(value); // NaN or Infinity: refused as "not a number" by the checker
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static {
        ZipSecureFile.setMinInflateRatio(Limits.MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(Limits.MAX_UNCOMPRESSED_BYTES);
    }

    @Override
    public void read(RowConsumer consumer) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            Set<String> hidden = hiddenSheets(reader);
            SharedStrings strings = new CheckedStrings(new ReadOnlySharedStringsTable(pkg));
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    if (hidden.contains(sheets.getSheetName())) {
                        continue;
                    }
                    sheetName = sheets.getSheetName();
                    XMLReader parser = saxParser();
                    parser.setContentHandler(new SheetHandler(styles, strings, new Rows(consumer), new RawFormatter()));
                    parser.parse(new InputSource(sheet));
                    return;
                }
            }
            throw ImportMessages.exception("file.noSheet");
        } catch (ImportException e) {
            throw e;
        } catch (SAXException e) {
            throw e.getException() instanceof ImportException ie ? ie : unreadable(e);
        } catch (Exception | LinkageError e) { // POI signals damaged packages with many types, checked and unchecked;
            throw unreadable(e); // a zip entry in a method we do not ship (zstd, xz …) fails to load its codec class
        }
    }

    /** The problem for a file POI cannot read: a zip bomb, or a damaged or foreign file. */
    static ImportException unreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return ImportMessages.exception("file.zipBomb");
            }
        }
        return ImportMessages.exception("file.damaged");
    }

    /** Shared strings that answer a marker, rather than fail, for an index the table does not have. */
    private record CheckedStrings(SharedStrings table) implements SharedStrings {
        @Override
        public RichTextString getItemAt(int idx) {
            return idx >= 0 && idx < table.getUniqueCount() ? table.getItemAt(idx)
                    : new XSSFRichTextString(RowSource.BROKEN_REFERENCE);
        }

        @Override
        public int getCount() {
            return table.getCount();
        }

        @Override
        public int getUniqueCount() {
            return table.getUniqueCount();
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
        /** How POI's handler writes an error cell (#DIV/0!, #N/A …); the cell keeps the error literal. */
        private static final String ERROR = "ERROR:";
        private final RowConsumer consumer;
        private List<String> cells = new ArrayList<>();
        private int row;

        Rows(RowConsumer consumer) {
            this.consumer = consumer;
        }

        @Override
        public void startRow(int rowNum) {
            row = rowNum;
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            ImportMessages.enforce(Limits.checkRows(rowNum + 1), rowNum + 1, -1, Limits.MAX_ROWS);
            consumer.row(rowNum + 1, cells);
        }

        /** The column of a reference such as "AB12" (0-based), read without building a {@link CellReference}. */
        static int column(String ref) {
            int col = 0;
            int i = 0;
            for (; i < ref.length() && i < 4; i++) {
                char ch = ref.charAt(i);
                if (ch < 'A' || ch > 'Z') {
                    break;
                }
                col = col * 26 + (ch - 'A' + 1);
            }
            boolean plain = i > 0 && i < ref.length() && ref.charAt(i) >= '0' && ref.charAt(i) <= '9';
            return plain ? col - 1 : new CellReference(ref).getCol();
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? cells.size() : column(ref);
            ImportMessages.enforce(Limits.checkColumns(Math.max(col, cells.size()) + 1), row + 1, -1,
                    Limits.MAX_COLUMNS);
            while (cells.size() < col) {
                cells.add(null);
            }
            cells.add(value != null && value.startsWith(ERROR) ? value.substring(ERROR.length()) : value);
        }
    }
}
