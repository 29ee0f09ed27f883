/** The traffic-light data-flow policy over data class, region and path, and its gate. */
package dev.metanode.httpcage.policy;
