package org.parkscope.importing;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.Styles;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The cell events of a worksheet's XML, as POI's {@code XSSFSheetXMLHandler} gives them with cached formula results and
 * no comments, but without its per-cell objects: it built a rich-text object (an XMLBeans tree) for every string cell
 * only to take its text back, and a style object for every number; here a string's text is taken as it is (decoded
 * the same way when it holds an {@code _xHHHH_} escape), a shared string is decoded once per index, and a style's
 * number format is looked up once per style. Cell types, row numbers, numbers formatted by the given formatter, errors
 * as {@code ERROR:} plus the literal, and the exceptions damaged XML raises are as POI's handler has them.
 */
final class SheetHandler extends DefaultHandler {

    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private enum Type { BOOLEAN, ERROR, FORMULA, INLINE_STRING, SST_STRING, NUMBER }

    /** A style's number format, as the cell's value is formatted with. */
    private record Format(int index, String pattern) {}

    private static final Format NONE = new Format(-1, null);

    private final Styles styles;
    private final SharedStrings strings;
    private final SheetContentsHandler output;
    private final DataFormatter formatter;
    private final Map<Integer, Format> formats = new HashMap<>();
    private String[] decoded = new String[0];
    private final StringBuilder value = new StringBuilder(64);
    private boolean valueOpen;
    private boolean inlineOpen;
    private Type type = Type.NUMBER;
    private Format format = NONE;
    private String cellRef;
    private int rowNum;
    private int nextRowNum;

    SheetHandler(Styles styles, SharedStrings strings, SheetContentsHandler output, DataFormatter formatter) {
        this.styles = styles;
        this.strings = strings;
        this.output = output;
        this.formatter = formatter;
    }

    private boolean isTextTag(String name) {
        return "v".equals(name) || "inlineStr".equals(name) || ("t".equals(name) && inlineOpen);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (uri != null && !uri.equals(NS)) {
            return;
        }
        if (isTextTag(localName)) {
            valueOpen = true;
            if (!inlineOpen) {
                value.setLength(0);
            }
        } else if ("is".equals(localName)) {
            inlineOpen = true;
        } else if ("f".equals(localName)) {
            if (type == Type.NUMBER) {
                type = Type.FORMULA;
            }
        } else if ("row".equals(localName)) {
            String r = attributes.getValue("r");
            rowNum = r != null ? Integer.parseInt(r.trim()) - 1 : nextRowNum;
            output.startRow(rowNum);
        } else if ("c".equals(localName)) {
            cellStart(attributes);
        }
    }

    private void cellStart(Attributes attributes) {
        type = Type.NUMBER;
        format = NONE;
        cellRef = attributes.getValue("r");
        String t = attributes.getValue("t");
        if ("b".equals(t)) {
            type = Type.BOOLEAN;
        } else if ("e".equals(t)) {
            type = Type.ERROR;
        } else if ("inlineStr".equals(t)) {
            type = Type.INLINE_STRING;
        } else if ("s".equals(t)) {
            type = Type.SST_STRING;
        } else if ("str".equals(t)) {
            type = Type.FORMULA;
        } else if (styles != null) {
            String s = attributes.getValue("s");
            if (s != null) {
                format = format(Integer.parseInt(s.trim()));
            } else if (styles.getNumCellStyles() > 0) {
                format = format(0);
            }
        }
    }

    private Format format(int style) {
        Format f = formats.get(style);
        if (f == null) {
            XSSFCellStyle cs = styles.getStyleAt(style);
            if (cs == null) {
                f = NONE;
            } else {
                int index = cs.getDataFormat();
                String pattern = cs.getDataFormatString();
                f = new Format(index, pattern != null ? pattern : BuiltinFormats.getBuiltinFormat(index));
            }
            formats.put(style, f);
        }
        return f;
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (uri != null && !uri.equals(NS)) {
            return;
        }
        if (isTextTag(localName)) {
            valueOpen = false;
            if (!inlineOpen) {
                outputCell();
                value.setLength(0);
            }
        } else if ("is".equals(localName)) {
            inlineOpen = false;
            outputCell();
            value.setLength(0);
        } else if ("row".equals(localName)) {
            output.endRow(rowNum);
            nextRowNum = rowNum + 1;
        } else if ("sheetData".equals(localName)) {
            output.endSheet();
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (valueOpen) {
            value.append(ch, start, length);
        }
    }

    private void outputCell() {
        String text = switch (type) {
            case BOOLEAN -> value.charAt(0) == '0' ? "FALSE" : "TRUE";
            case ERROR -> "ERROR:" + value;
            case INLINE_STRING -> decode(value.toString());
            case SST_STRING -> shared(value.toString().trim());
            case FORMULA, NUMBER -> number(value.toString());
        };
        output.cell(cellRef, text, null);
    }

    /** A number (or a formula's cached result) through the formatter; as written if it is no number (a text result). */
    private String number(String raw) {
        if (format.pattern() == null || (type == Type.NUMBER && raw.isEmpty())) {
            return raw;
        }
        try {
            return formatter.formatRawCellContents(Double.parseDouble(raw.trim()), format.index(), format.pattern());
        } catch (Exception e) {
            return raw;
        }
    }

    /** The text of a string as POI's rich text gives it: {@code _xHHHH_} escapes decoded, anything else as it is. */
    static String decode(String raw) {
        return raw.contains("_x") ? new XSSFRichTextString(raw).toString() : raw;
    }

    private String shared(String index) {
        if (index.isEmpty()) {
            return null;
        }
        int i;
        try {
            i = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            return null; // POI's handler logs and gives no value
        }
        if (i >= 0 && i < decoded.length && decoded[i] != null) {
            return decoded[i];
        }
        String text = strings.getItemAt(i).toString();
        if (i >= 0 && i < strings.getUniqueCount()) {
            if (i >= decoded.length) {
                decoded = java.util.Arrays.copyOf(decoded, Math.max(i + 1, decoded.length * 2));
            }
            decoded[i] = text;
        }
        return text;
    }
}
