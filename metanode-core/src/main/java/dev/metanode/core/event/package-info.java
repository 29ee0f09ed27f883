/**
 * The node's event feed: what happened (receipt appended, checkpoint signed, block committed,
 * app deployed or stopped), published by the daemon and read by the front door's {@code /ws}.
 */
package dev.metanode.core.event;
