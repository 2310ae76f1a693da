/**
 * The DICOM network port (PS3.7 DIMSE, PS3.8 upper layer): small interfaces for what the services
 * need from DIMSE, as SCU ({@link org.imagingexchange.dicom.net.CEchoScu},
 * {@link org.imagingexchange.dicom.net.CFindScu}, {@link org.imagingexchange.dicom.net.CGetScu},
 * {@link org.imagingexchange.dicom.net.CMoveScu}, {@link org.imagingexchange.dicom.net.CStoreScu},
 * all in {@link org.imagingexchange.dicom.net.DimseScu}) and as SCP handlers
 * ({@link org.imagingexchange.dicom.net.CStoreScpHandler},
 * {@link org.imagingexchange.dicom.net.CFindScpHandler},
 * {@link org.imagingexchange.dicom.net.CGetScpHandler},
 * {@link org.imagingexchange.dicom.net.CMoveScpHandler}) served by a
 * {@link org.imagingexchange.dicom.net.DimseScp} node. Ports only: the toolkit adapter module
 * implements them, so another toolkit can be dropped in.
 *
 * <p>Threading, for every interface here: an SCU call blocks its calling thread for the whole
 * association and invokes its callbacks on that same thread, in the order the responses arrive; SCU
 * instances are thread-safe (each call opens its own association). An SCP node runs one thread per
 * association; handlers are called on that thread, concurrently for concurrent associations, and
 * must be thread-safe.
 */
package org.imagingexchange.dicom.net;
