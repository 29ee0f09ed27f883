/** The JNI binding of the cage's native part and the launch plan handed to it. Not API. */
package dev.metanode.docklock.internal;
