/** Credentials and roles: hashed API keys in the KvStore, JWT verification, the API route table, the auth gate. */
package dev.metanode.httpcage.auth;
