package io.kaitenimport.validate.schema;

/**
 * A schema the compiled validator cannot check exactly: an unknown keyword, a $ref it cannot resolve, a keyword
 * value of the wrong shape. Thrown at start-up, so a schema edit can never loosen validation silently.
 */
public final class SchemaCompileException extends RuntimeException {
    public SchemaCompileException(String where, String problem) {
        super(where + ": " + problem);
    }
}
