package org.imagingexchange.reports.api.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v251.datatype.ED;
import ca.uhn.hl7v2.model.v251.datatype.RP;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.PipeParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.imagingexchange.reports.domain.Coding;

/**
 * Collects the OBX segments of an ORU^R01 into report sections (eHN A.5.4 findings, A.5.5 impression,
 * A.5.6 recommendation, A.3 history, A.5.1 procedure, A.7 comparison), the Study Instance UIDs they carry
 * and their encapsulated (ED) or referenced (RP) documents (A.8 presented form), and writes them into the
 * DiagnosticReport: a contained Composition with one LOINC-coded section each (referenced by the FHIR R5
 * cross-version extension {@value #COMPOSITION_EXTENSION}, as the HL7 Europe Imaging Report IG does on
 * R4), {@code conclusion} = the impression, {@code presentedForm} = the ED/RP documents plus the report
 * text as {@code text/plain}. A text OBX whose identifier names no known section counts as findings (HL7
 * v2 chapter 7: GDT, general description, is the default report body). Not thread-safe: one per message.
 */
final class ReportSections {

    /** R4 extension for the R5 element DiagnosticReport.composition. */
    static final String COMPOSITION_EXTENSION = "http://hl7.org/fhir/5.0/StructureDefinition/extension-DiagnosticReport.composition";

    /**
     * A value found at a place in the message.
     *
     * @param segment    segment id
     * @param repetition 1-based occurrence of the segment in the message
     * @param field      field sequence
     * @param value      the value as text
     */
    record Located(String segment, int repetition, int field, String value) {
    }

    private final Map<V2Terms.Section, List<String>> texts = new EnumMap<>(V2Terms.Section.class);
    private final List<Located> studyUids = new ArrayList<>();
    private final List<Attachment> documents = new ArrayList<>();

    /**
     * Reads the OBX segments of one order.
     *
     * @param order   the ORDER_OBSERVATION group
     * @param obxSeen OBX segments of earlier orders (for locations)
     * @param errors  findings are added here
     * @return OBX segments seen so far, this order's included
     */
    int read(ORU_R01_ORDER_OBSERVATION order, int obxSeen, List<V2Error> errors) {
        int seen = obxSeen;
        for (int i = 0; i < order.getOBSERVATIONReps(); i++) {
            OBX obx = order.getOBSERVATION(i).getOBX();
            seen++;
            String identifier = PipeParser.encode(obx.getObservationIdentifier(), EncodingCharacters.defaultInstance());
            int caret = identifier.indexOf('^');
            String code = caret >= 0 ? identifier.substring(0, caret) : identifier;
            Optional<V2Terms.Section> section = V2Terms.section(code);
            String valueType = V2Values.text(obx.getValueType().getValue()).toUpperCase(Locale.ROOT);
            if (section.isPresent() && section.get() == V2Terms.Section.STUDY_UID) {
                int repetition = seen;
                values(obx).forEach(v -> studyUids.add(new Located("OBX", repetition, 5, v)));
            } else if (valueType.equals("ED") || valueType.equals("RP")) {
                documents(obx, seen, errors);
            } else {
                String text = String.join("\n", values(obx));
                if (!text.isBlank()) {
                    texts.computeIfAbsent(section.orElse(V2Terms.Section.FINDINGS), k -> new ArrayList<>()).add(text);
                }
            }
        }
        return seen;
    }

    /** @return the text of each OBX-5 repetition that has one */
    private static List<String> values(OBX obx) {
        List<String> values = new ArrayList<>();
        for (Varies v : obx.getObservationValue()) {
            String text = V2Values.text(v);
            if (!text.isEmpty()) {
                values.add(text);
            }
        }
        return values;
    }

    /** @return Study Instance UID values found in OBX segments */
    List<Located> studyUids() {
        return studyUids;
    }

    /**
     * Writes conclusion, Composition and presented forms into the report.
     *
     * @param report the report being built (status, subject, interpreter already set)
     * @param obr    the first OBR (title)
     * @param errors findings are added here (A.5.5 impression missing)
     */
    void complete(DiagnosticReport report, OBR obr, List<V2Error> errors) {
        String impression = String.join("\n", texts.getOrDefault(V2Terms.Section.IMPRESSION, List.of()));
        if (impression.isBlank()) {
            errors.add(V2Error.of("OBX", 3, ErrorCode.REQUIRED_FIELD_MISSING,
                    "eHN A.5.5 Impression: an OBX whose identifier ends in &IMP (or is LOINC 19005-8) is required"));
        } else {
            report.setConclusion(impression);
        }
        String title = "Imaging report" + (V2Values.text(obr.getUniversalServiceIdentifier().getText().getValue()).isEmpty()
                ? "" : ": " + V2Values.text(obr.getUniversalServiceIdentifier().getText().getValue()));
        Composition composition = composition(report, title);
        report.addContained(composition);
        report.addExtension(COMPOSITION_EXTENSION, new Reference("#" + composition.getIdElement().getIdPart()));
        documents.forEach(report::addPresentedForm);
        report.addPresentedForm(new Attachment().setContentType("text/plain; charset=utf-8").setTitle(title)
                .setData(plainText(title).getBytes(StandardCharsets.UTF_8)));
    }

    private Composition composition(DiagnosticReport report, String title) {
        Composition composition = new Composition();
        composition.setId("composition");
        composition.setStatus(switch (report.getStatusElement().getValueAsString() == null ? "" : report.getStatusElement().getValueAsString()) {
            case "final" -> Composition.CompositionStatus.FINAL;
            case "corrected", "amended", "appended" -> Composition.CompositionStatus.AMENDED;
            case "cancelled", "entered-in-error" -> Composition.CompositionStatus.ENTEREDINERROR;
            default -> Composition.CompositionStatus.PRELIMINARY;
        });
        composition.getType().addCoding().setSystem(Coding.LOINC).setCode(OruR01Mapper.DOCUMENT_TYPE).setDisplay("Diagnostic imaging study");
        composition.setSubject(new Reference(report.getSubject().getReference()));
        if (report.hasIssued()) {
            composition.setDate(report.getIssued());
        } else if (report.hasEffectiveDateTimeType()) {
            composition.setDateElement(report.getEffectiveDateTimeType().copy());
        }
        report.getResultsInterpreter().forEach(r -> composition.addAuthor(r.copy()));
        composition.setTitle(title);
        for (Map.Entry<V2Terms.Section, List<String>> e : texts.entrySet()) {
            Composition.SectionComponent section = composition.addSection().setTitle(e.getKey().title());
            section.getCode().addCoding().setSystem(Coding.LOINC).setCode(e.getKey().loinc());
            section.setText(narrative(e.getValue()));
        }
        return composition;
    }

    private static Narrative narrative(List<String> paragraphs) {
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
        paragraphs.forEach(p -> p.lines().forEach(line -> div.addTag("p").addText(line)));
        return new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED).setDiv(div);
    }

    private String plainText(String title) {
        StringBuilder text = new StringBuilder(title).append('\n');
        texts.forEach((section, paragraphs) -> text.append('\n').append(section.title()).append('\n')
                .append(String.join("\n", paragraphs)).append('\n'));
        return text.toString();
    }

    private void documents(OBX obx, int repetition, List<V2Error> errors) {
        String title = V2Values.text(obx.getObservationIdentifier().getText().getValue());
        for (Varies value : obx.getObservationValue()) {
            Type data = value.getData();
            try {
                Attachment attachment = data instanceof ED ed ? encapsulated(ed) : data instanceof RP rp ? referenced(rp) : null;
                if (attachment != null) {
                    documents.add(title.isEmpty() ? attachment : attachment.setTitle(title));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new V2Error("OBX", repetition, 5, ErrorCode.DATA_TYPE_ERROR, "eHN A.8 Presented form: " + e.getMessage()));
            }
        }
    }

    /** ED (HL7 v2.5.1 §2.A.24): source application ^ type of data ^ data subtype ^ encoding ^ data. */
    private static Attachment encapsulated(ED ed) {
        String encoding = V2Values.text(ed.getEncoding().getValue()).toUpperCase(Locale.ROOT);
        String data = V2Values.text(ed.getData().getValue());
        byte[] bytes = switch (encoding) {
            case "BASE64" -> Base64.getMimeDecoder().decode(data);
            case "HEX" -> HexFormat.of().parseHex(data);
            case "A", "" -> data.getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("ED encoding '" + encoding + "' is not one of A, Hex, Base64 (HL7 table 0299)");
        };
        if (bytes.length == 0) {
            throw new IllegalArgumentException("the ED value holds no data");
        }
        return new Attachment().setContentType(mediaType(ed.getTypeOfData().getValue(), ed.getDataSubtype().getValue())).setData(bytes);
    }

    /** RP (HL7 v2.5.1 §2.A.65): pointer ^ application id ^ type of data ^ subtype. */
    private static Attachment referenced(RP rp) {
        String pointer = V2Values.text(rp.getPointer().getValue());
        if (pointer.isEmpty()) {
            throw new IllegalArgumentException("the RP value has no pointer (RP-1)");
        }
        return new Attachment().setUrl(pointer).setContentType(mediaType(rp.getTypeOfData().getValue(), rp.getSubtype().getValue()));
    }

    /** HL7 table 0191 type of referenced data and table 0291 subtype to a media type. */
    static String mediaType(String typeOfData, String subtype) {
        String type = V2Values.text(typeOfData).toUpperCase(Locale.ROOT);
        String sub = V2Values.text(subtype).toLowerCase(Locale.ROOT);
        if (sub.equals("pdf")) {
            return "application/pdf";
        }
        String major = switch (type) {
            case "AP", "APPLICATION" -> "application";
            case "TEXT", "TX" -> "text";
            case "IM", "IMAGE" -> "image";
            case "AU", "AUDIO" -> "audio";
            default -> "";
        };
        if (major.isEmpty() || sub.isEmpty() || sub.startsWith("x-") && sub.length() == 2) {
            return major.equals("text") ? "text/plain" : "application/octet-stream";
        }
        return major + "/" + (sub.equals("rtf") ? "rtf" : sub.equals("jpeg") || sub.equals("jpg") ? "jpeg" : sub);
    }
}
