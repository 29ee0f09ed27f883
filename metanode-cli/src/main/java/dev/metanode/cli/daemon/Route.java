package dev.metanode.cli.daemon;

/** Handles the requests of one method and path pattern. */
@FunctionalInterface
public interface Route {
    ApiResponse handle(ApiRequest request) throws Exception;
}
