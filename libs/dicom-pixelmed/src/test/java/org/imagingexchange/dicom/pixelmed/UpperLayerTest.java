package org.imagingexchange.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.pixelmed.network.CMoveRequestCommandMessage;
import com.pixelmed.network.CStoreResponseCommandMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.imagingexchange.dicom.AssociationRejectReason;
import org.junit.jupiter.api.Test;

/** PS3.8 PDU and PS3.7 command set handling, checked against PixelMed's own encoder. */
class UpperLayerTest {

    private static byte[] pdataWithCommand(byte[] command) {
        int itemLength = command.length + 2;
        byte[] pdu = new byte[6 + 4 + itemLength];
        int pduLength = pdu.length - 6;
        pdu[0] = 0x04;
        pdu[2] = (byte) (pduLength >>> 24);
        pdu[3] = (byte) (pduLength >>> 16);
        pdu[4] = (byte) (pduLength >>> 8);
        pdu[5] = (byte) pduLength;
        pdu[6] = (byte) (itemLength >>> 24);
        pdu[7] = (byte) (itemLength >>> 16);
        pdu[8] = (byte) (itemLength >>> 8);
        pdu[9] = (byte) itemLength;
        pdu[10] = 1;
        pdu[11] = 0x03; // command, last fragment
        System.arraycopy(command, 0, pdu, 12, command.length);
        return pdu;
    }

    @Test
    void associateReject_callingAeNotRecognized_ps38Table921() {
        AssociationRejectReason r = AssociationRejectReason.CALLING_AE_TITLE_NOT_RECOGNIZED;
        assertArrayEquals(new byte[] {3, 0, 0, 0, 0, 4, 0, 1, 1, 3},
                UpperLayer.associateReject(r.result(), r.source(), r.reason()));
    }

    @Test
    void commands_cMoveRequest_moveDestinationAndCommandFieldRead() throws Exception {
        byte[] command = new CMoveRequestCommandMessage("1.2.840.10008.5.1.4.1.2.2.2", "STORESCP").getBytes();
        List<String> seen = new ArrayList<>();
        UpperLayer.commands(pdataWithCommand(command), new ByteArrayOutputStream(), (c, offset) -> {
            seen.add(Integer.toHexString(UpperLayer.unsignedShort(c, UpperLayer.COMMAND_FIELD)) + " "
                    + UpperLayer.text(c, UpperLayer.MOVE_DESTINATION) + " " + offset);
        });
        assertEquals(List.of("21 STORESCP 12"), seen);
    }

    @Test
    void statusRewrite_cStoreResponse_statusFoundWhereExpected() throws Exception {
        byte[] command = new CStoreResponseCommandMessage("1.2.840.10008.5.1.4.1.1.2", "1.2.3", 7, 0x0000).getBytes();
        int[] at = UpperLayer.find(command, UpperLayer.STATUS);
        command[at[0]] = (byte) 0x00;
        command[at[0] + 1] = (byte) 0xA7;
        assertEquals(0xA700, new CStoreResponseCommandMessage(parse(command)).getStatus(),
                "PixelMed reads back the rewritten status");
        assertEquals(UpperLayer.C_STORE_RSP, UpperLayer.unsignedShort(command, UpperLayer.COMMAND_FIELD));
        assertNull(UpperLayer.find(command, UpperLayer.MOVE_DESTINATION));
    }

    private static com.pixelmed.dicom.AttributeList parse(byte[] command) throws Exception {
        com.pixelmed.dicom.AttributeList list = new com.pixelmed.dicom.AttributeList();
        list.read(new com.pixelmed.dicom.DicomInputStream(new java.io.ByteArrayInputStream(command), "1.2.840.10008.1.2", false));
        return list;
    }

    @Test
    void framer_pdusSplitAcrossWrites_reassembled() {
        byte[] a = {4, 0, 0, 0, 0, 2, 9, 9};
        byte[] b = {6, 0, 0, 0, 0, 4, 0, 0, 0, 0};
        byte[] stream = new byte[a.length + b.length];
        System.arraycopy(a, 0, stream, 0, a.length);
        System.arraycopy(b, 0, stream, a.length, b.length);
        List<byte[]> pdus = new ArrayList<>();
        UpperLayer.Framer framer = new UpperLayer.Framer(pdus::add);
        for (int i = 0; i < stream.length; i += 3) {
            framer.feed(stream, i, Math.min(3, stream.length - i));
        }
        assertEquals(2, pdus.size());
        assertArrayEquals(a, pdus.get(0));
        assertArrayEquals(b, pdus.get(1));
    }
}
