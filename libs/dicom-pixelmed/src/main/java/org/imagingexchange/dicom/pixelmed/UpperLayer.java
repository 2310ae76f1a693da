package org.imagingexchange.dicom.pixelmed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The few DICOM upper layer (PS3.8 §9.3) and command set (PS3.7 §6.3, §E) encodings the adapter
 * needs around PixelMed: reading the AE titles of an A-ASSOCIATE-RQ, writing an A-ASSOCIATE-RJ,
 * framing the PDU stream, and finding or rewriting one command element. PixelMed offers no hook for
 * calling AE checks or C-STORE failure statuses, so these are done on the bytes. Stateless helpers
 * plus {@link Framer}, which is used by one thread.
 */
final class UpperLayer {

    static final int A_ASSOCIATE_RQ = 0x01;
    static final int A_ASSOCIATE_RJ = 0x03;
    static final int P_DATA_TF = 0x04;
    static final int A_RELEASE_RP = 0x06;
    /** PDU header: type, reserved, 4-byte big-endian length (PS3.8 §9.3.1). */
    static final int PDU_HEADER_LENGTH = 6;

    /** Command Field (0000,0100), PS3.7 §E.1. */
    static final int COMMAND_FIELD = 0x00000100;
    /** Move Destination (0000,0600). */
    static final int MOVE_DESTINATION = 0x00000600;
    /** Status (0000,0900). */
    static final int STATUS = 0x00000900;
    /** Message ID (0000,0110). */
    static final int MESSAGE_ID = 0x00000110;
    /** Message ID Being Responded To (0000,0120). */
    static final int MESSAGE_ID_BEING_RESPONDED_TO = 0x00000120;
    /** Number of Remaining Sub-operations (0000,1020); Completed, Failed, Warning follow (1021-1023). */
    static final int REMAINING = 0x00001020;
    static final int COMPLETED = 0x00001021;
    static final int FAILED = 0x00001022;
    static final int WARNING = 0x00001023;
    static final int C_STORE_RSP = 0x8001;
    static final int C_GET_RQ = 0x0010;
    static final int C_GET_RSP = 0x8010;
    static final int C_FIND_RQ = 0x0020;
    static final int C_FIND_RSP = 0x8020;
    static final int C_MOVE_RQ = 0x0021;
    static final int C_MOVE_RSP = 0x8021;
    static final int C_CANCEL_RQ = 0x0FFF;

    private UpperLayer() {
    }

    /** @return the 4-byte big-endian PDU length at {@code offset + 2} */
    static long pduLength(byte[] header) {
        return ((header[2] & 0xFFL) << 24) | ((header[3] & 0xFFL) << 16) | ((header[4] & 0xFFL) << 8) | (header[5] & 0xFFL);
    }

    /**
     * Reads an AE title field of an A-ASSOCIATE-RQ (16 bytes, space padded, PS3.8 §9.3.2).
     *
     * @param body   the PDU body (after the 6-byte header)
     * @param offset 4 for the called AE title, 20 for the calling AE title
     * @return the trimmed title, possibly empty
     */
    static String aeTitleField(byte[] body, int offset) {
        if (body.length < offset + 16) {
            return "";
        }
        return new String(body, offset, 16, StandardCharsets.US_ASCII).strip();
    }

    /**
     * Encodes an A-ASSOCIATE-RJ PDU, PS3.8 §9.3.4.
     *
     * @param result 1 permanent, 2 transient
     * @param source 1 service-user, 2 ACSE provider, 3 presentation provider
     * @param reason reason/diag.
     * @return the 10 bytes of the PDU
     */
    static byte[] associateReject(int result, int source, int reason) {
        return new byte[] {A_ASSOCIATE_RJ, 0, 0, 0, 0, 4, 0, (byte) result, (byte) source, (byte) reason};
    }

    /**
     * Walks the PDVs of a P-DATA-TF PDU (PS3.8 §9.3.5) and hands each complete command set
     * (fragments joined, PS3.8 Annex E) to the visitor together with its position, so that a
     * command in a single PDV can be rewritten in place.
     *
     * @param pdu          the whole PDU including its header
     * @param pendingCommand command fragments carried over from earlier PDUs; updated
     * @param onCommand    receives each complete command set and whether it lies in one PDV of this PDU
     */
    static void commands(byte[] pdu, ByteArrayOutputStream pendingCommand, CommandVisitor onCommand) {
        int pos = PDU_HEADER_LENGTH;
        while (pos + 6 <= pdu.length) {
            int itemLength = ((pdu[pos] & 0xFF) << 24) | ((pdu[pos + 1] & 0xFF) << 16) | ((pdu[pos + 2] & 0xFF) << 8) | (pdu[pos + 3] & 0xFF);
            int header = pdu[pos + 5] & 0xFF;
            int valueStart = pos + 6;
            int valueLength = itemLength - 2;
            if (itemLength < 2 || valueStart + valueLength > pdu.length) {
                return;
            }
            if ((header & 0x01) != 0) {
                boolean whole = pendingCommand.size() == 0 && (header & 0x02) != 0;
                pendingCommand.write(pdu, valueStart, valueLength);
                if ((header & 0x02) != 0) {
                    byte[] command = pendingCommand.toByteArray();
                    pendingCommand.reset();
                    onCommand.visit(command, whole ? valueStart : -1);
                }
            }
            pos = valueStart + valueLength;
        }
    }

    /** Receives a complete command set. */
    @FunctionalInterface
    interface CommandVisitor {
        /**
         * @param command     the command set bytes, implicit VR little endian
         * @param offsetInPdu where the command starts in the PDU when it is one whole PDV, else -1
         */
        void visit(byte[] command, int offsetInPdu);
    }

    /**
     * Finds an element's value in a command set (implicit VR little endian, PS3.7 §6.3.1).
     *
     * @param command the command set
     * @param tag     the element
     * @return {offset, length} of the value, or null when absent
     */
    static int[] find(byte[] command, int tag) {
        int pos = 0;
        while (pos + 8 <= command.length) {
            int group = (command[pos] & 0xFF) | ((command[pos + 1] & 0xFF) << 8);
            int element = (command[pos + 2] & 0xFF) | ((command[pos + 3] & 0xFF) << 8);
            int length = (command[pos + 4] & 0xFF) | ((command[pos + 5] & 0xFF) << 8)
                    | ((command[pos + 6] & 0xFF) << 16) | ((command[pos + 7] & 0xFF) << 24);
            if (length < 0 || pos + 8 + length > command.length) {
                return null;
            }
            if (((group << 16) | element) == tag) {
                return new int[] {pos + 8, length};
            }
            pos += 8 + length;
        }
        return null;
    }

    /** @return the US value of an element of a command set, -1 when absent */
    static int unsignedShort(byte[] command, int tag) {
        int[] at = find(command, tag);
        return at == null || at[1] != 2 ? -1 : (command[at[0]] & 0xFF) | ((command[at[0] + 1] & 0xFF) << 8);
    }

    /**
     * Overwrites the US value of an element of a command set that lies whole in a PDU.
     *
     * @param pdu         the PDU holding the command
     * @param offsetInPdu where the command starts in the PDU
     * @param command     the command set bytes
     * @param tag         the element
     * @param value       the new value, 0-65535
     * @return false when the element is absent or not 2 bytes long (nothing written)
     */
    static boolean putUnsignedShort(byte[] pdu, int offsetInPdu, byte[] command, int tag, int value) {
        int[] at = find(command, tag);
        if (at == null || at[1] != 2) {
            return false;
        }
        pdu[offsetInPdu + at[0]] = (byte) value;
        pdu[offsetInPdu + at[0] + 1] = (byte) (value >>> 8);
        return true;
    }

    /** @return the text value of an element of a command set, trimmed, null when absent */
    static String text(byte[] command, int tag) {
        int[] at = find(command, tag);
        return at == null ? null : new String(command, at[0], at[1], StandardCharsets.US_ASCII).strip();
    }

    /**
     * Splits a byte stream into PDUs (PS3.8 §9.3.1) for one direction of one association. Not
     * thread-safe: one reader or one writer uses it.
     */
    static final class Framer {
        private final byte[] header = new byte[PDU_HEADER_LENGTH];
        private int headerFill;
        private byte[] pdu;
        private int pduFill;
        private final Consumer<byte[]> onPdu;

        /** @param onPdu receives each complete PDU, header included */
        Framer(Consumer<byte[]> onPdu) {
            this.onPdu = onPdu;
        }

        /** Feeds bytes in stream order. */
        void feed(byte[] b, int off, int len) {
            int end = off + len;
            while (off < end) {
                if (pdu == null) {
                    int n = Math.min(PDU_HEADER_LENGTH - headerFill, end - off);
                    System.arraycopy(b, off, header, headerFill, n);
                    headerFill += n;
                    off += n;
                    if (headerFill == PDU_HEADER_LENGTH) {
                        long length = pduLength(header);
                        pdu = new byte[(int) Math.min(Integer.MAX_VALUE - 16, PDU_HEADER_LENGTH + length)];
                        System.arraycopy(header, 0, pdu, 0, PDU_HEADER_LENGTH);
                        pduFill = PDU_HEADER_LENGTH;
                        headerFill = 0;
                    }
                } else {
                    int n = Math.min(pdu.length - pduFill, end - off);
                    System.arraycopy(b, off, pdu, pduFill, n);
                    pduFill += n;
                    off += n;
                }
                if (pdu != null && pduFill == pdu.length) {
                    byte[] complete = pdu;
                    pdu = null;
                    onPdu.accept(complete);
                }
            }
        }
    }
}
