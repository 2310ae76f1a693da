package org.imagingexchange.dicom.net;

/** C-ECHO as SCU, PS3.7 §9.1.5 / PS3.4 Annex A: checks that a peer AE answers. Threading: see package. */
@FunctionalInterface
public interface CEchoScu {

    /**
     * Opens an association, sends C-ECHO-RQ, releases.
     *
     * @param remote the peer
     * @throws AssociationRejectedException when the peer rejects the association
     * @throws DimseTransportException      when the peer cannot be reached
     * @throws DimseException               when the C-ECHO-RSP status is not Success
     */
    void echo(RemoteAe remote) throws DimseException;
}
