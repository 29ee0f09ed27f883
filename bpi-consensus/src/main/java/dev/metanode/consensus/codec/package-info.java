/** The bounded binary wire form of consensus messages. Nothing here trusts its input. */
package dev.metanode.consensus.codec;
