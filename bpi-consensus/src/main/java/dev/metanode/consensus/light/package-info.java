/** Light-client verification: is a checkpoint final in a block, given only the chain's genesis? */
package dev.metanode.consensus.light;
