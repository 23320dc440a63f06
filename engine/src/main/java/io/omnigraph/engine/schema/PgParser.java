package io.omnigraph.engine.schema;

import io.omnigraph.engine.schema.Token.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for the {@code .pg} schema language (SPEC §1.5). It checks syntax only;
 * {@link SchemaCompiler} checks meaning. Every failure is a {@link SchemaException} naming the line
 * and column, what was expected and what was found.
 */
public final class PgParser {
  private static final Set<String> BODY_CONSTRAINTS = Set.of("key", "unique", "index", "range", "check");
  /** Constraints that may also be written on the property they constrain, without naming it. */
  private static final Set<String> PROPERTY_CONSTRAINTS = Set.of("range", "check");
  private static final String TYPE_CHOICES =
      "a type (String, Blob, Bool, I32, I64, U32, U64, F32, F64, Date, DateTime, [T], Vector(n) or"
          + " enum(...))";

  private final List<Token> tokens;
  private int index;

  private PgParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Parses {@code source} into its declarations, in source order. */
  public static SchemaFile parse(String source) {
    return new PgParser(PgLexer.tokenize(source)).file();
  }

  private SchemaFile file() {
    List<Decl> decls = new ArrayList<>();
    while (!peek().is(Kind.EOF)) {
      Token t = peek();
      if (t.isWord("interface")) {
        decls.add(interfaceDecl());
      } else if (t.isWord("node")) {
        decls.add(nodeDecl());
      } else if (t.isWord("edge")) {
        decls.add(edgeDecl());
      } else {
        throw error(t, "expected 'interface', 'node' or 'edge'");
      }
    }
    return new SchemaFile(decls);
  }

  private InterfaceDecl interfaceDecl() {
    next();
    Token name = typeName("after 'interface'");
    expect(Kind.LBRACE, "to open interface " + name.text());
    List<PropDecl> props = new ArrayList<>();
    while (!peek().is(Kind.RBRACE)) {
      if (peek().is(Kind.AT)) {
        throw error(peek(), "interfaces carry properties only; no constraint or annotation here in"
            + " interface " + name.text() + ", expected a property or '}'");
      }
      props.add(prop("interface " + name.text(), null));
      accept(Kind.COMMA);
    }
    next();
    return new InterfaceDecl(name.text(), props, name.pos());
  }

  private NodeDecl nodeDecl() {
    next();
    Token name = typeName("after 'node'");
    List<Annotation> annotations = annotations(false);
    List<NameRef> implemented = new ArrayList<>();
    if (peek().isWord("implements")) {
      next();
      do {
        Token iface = typeName("after 'implements'");
        implemented.add(new NameRef(iface.text(), iface.pos()));
      } while (accept(Kind.COMMA));
      if (peek().is(Kind.AT)) {
        throw error(peek(), "annotations of node " + name.text() + " come before 'implements';"
            + " expected '{'");
      }
    }
    expect(Kind.LBRACE, "to open node " + name.text());
    List<PropDecl> props = new ArrayList<>();
    List<BodyConstraint> constraints = new ArrayList<>();
    body("node " + name.text(), props, constraints);
    return new NodeDecl(name.text(), annotations, implemented, props, constraints, name.pos());
  }

  private EdgeDecl edgeDecl() {
    next();
    Token name = typeName("after 'edge'");
    expect(Kind.COLON, "after edge name '" + name.text() + "'");
    Token from = typeName("as the source node type of edge " + name.text());
    expect(Kind.ARROW, "between the endpoints of edge " + name.text());
    Token to = typeName("as the target node type of edge " + name.text());
    CardDecl card = isCard() ? card() : null;
    List<Annotation> annotations = annotations(false);
    List<PropDecl> props = new ArrayList<>();
    List<BodyConstraint> constraints = new ArrayList<>();
    boolean hasBody = accept(Kind.LBRACE);
    if (hasBody) {
      body("edge " + name.text(), props, constraints);
    }
    return new EdgeDecl(name.text(), new NameRef(from.text(), from.pos()),
        new NameRef(to.text(), to.pos()), card, annotations, props, constraints, hasBody,
        name.pos());
  }

  /** Members may be separated by commas as well as by line breaks; nothing depends on which. */
  private void body(String owner, List<PropDecl> props, List<BodyConstraint> constraints) {
    while (!accept(Kind.RBRACE)) {
      if (peek().is(Kind.AT)) {
        constraints.add(bodyConstraint(owner));
      } else {
        props.add(prop(owner, constraints));
      }
      accept(Kind.COMMA);
    }
  }

  /**
   * A property; {@code @range(min..max)} and {@code @check("regex")} written on it become the body
   * constraints {@code @range(p, min..max)} and {@code @check(p, "regex")} added to {@code
   * constraints} (null in an interface, which may carry none).
   */
  private PropDecl prop(String owner, List<BodyConstraint> constraints) {
    Token name = peek();
    if (name.is(Kind.TYPE_NAME)) {
      throw error(name, "property names start with a lowercase letter or '_'");
    }
    if (!name.is(Kind.IDENT)) {
      throw error(name, "expected a property name or '}' in " + owner);
    }
    next();
    expect(Kind.COLON, "after property name '" + name.text() + "'");
    TypeRef type = typeRef();
    List<Annotation> annotations = new ArrayList<>();
    while (true) {
      annotations.addAll(annotations(true));
      if (!isPropertyConstraint()) {
        break;
      }
      if (constraints == null) {
        throw error(peek(1), "interfaces carry properties only; no constraint here in " + owner
            + ", expected a property or '}'");
      }
      BodyConstraint c = bodyConstraint(owner);
      List<ConstraintArg> args = new ArrayList<>();
      args.add(new Literal(Literal.Kind.IDENT, name.text(), c.pos()));
      args.addAll(c.args());
      constraints.add(new BodyConstraint(c.name(), args, c.pos()));
    }
    return new PropDecl(name.text(), type, annotations, name.pos());
  }

  /** True at {@code @range(} or {@code @check(} whose first argument is not a property name. */
  private boolean isPropertyConstraint() {
    return peek().is(Kind.AT) && peek(1).is(Kind.IDENT) && PROPERTY_CONSTRAINTS.contains(peek(1).text())
        && peek(2).is(Kind.LPAREN) && !peek(3).is(Kind.IDENT);
  }

  private TypeRef typeRef() {
    Token first = peek();
    TypeRef core;
    if (accept(Kind.LBRACKET)) {
      BaseType element = baseType("a base type inside '[...]'");
      expect(Kind.RBRACKET, "to close the list type");
      core = new TypeRef(TypeRef.Form.LIST, element, 0, List.of(), false, first.pos());
    } else if (first.isWord("enum")) {
      next();
      core = new TypeRef(TypeRef.Form.ENUM, null, 0, enumValues(), false, first.pos());
    } else if (first.isWord("Vector")) {
      next();
      expect(Kind.LPAREN, "after 'Vector'");
      long dimension = integer(expect(Kind.INT, "as the Vector dimension"));
      expect(Kind.RPAREN, "to close Vector(" + dimension);
      core = new TypeRef(TypeRef.Form.VECTOR, null, dimension, List.of(), false, first.pos());
    } else {
      core = new TypeRef(TypeRef.Form.BASE, baseType(TYPE_CHOICES), 0, List.of(), false, first.pos());
    }
    boolean nullable = accept(Kind.QUESTION);
    return new TypeRef(core.form(), core.base(), core.dimension(), core.enumValues(), nullable,
        core.pos());
  }

  private BaseType baseType(String expected) {
    Token t = peek();
    BaseType base = t.is(Kind.TYPE_NAME) ? BaseType.fromPgName(t.text()).orElse(null) : null;
    if (base == null) {
      throw error(t, "expected " + expected);
    }
    next();
    return base;
  }

  private List<String> enumValues() {
    expect(Kind.LPAREN, "after 'enum'");
    List<String> values = new ArrayList<>();
    do {
      values.add(enumValue());
    } while (accept(Kind.COMMA));
    expect(Kind.RPAREN, "or ',' in the enum value list");
    return values;
  }

  /** An enum value may mix letters, digits, '_' and '-', so it spans several adjacent tokens. */
  private String enumValue() {
    if (!isEnumPiece(peek())) {
      throw error(peek(), "expected an enum value (letters, digits, '_' or '-')");
    }
    Token piece = next();
    StringBuilder value = new StringBuilder(piece.text());
    while (isEnumPiece(peek()) && peek().start() == piece.end()) {
      piece = next();
      value.append(piece.text());
    }
    return value.toString();
  }

  private static boolean isEnumPiece(Token t) {
    return t.is(Kind.IDENT) || t.is(Kind.TYPE_NAME) || t.is(Kind.INT) || t.is(Kind.MINUS);
  }

  private boolean isCard() {
    return peek().is(Kind.AT) && peek(1).isWord("card");
  }

  private CardDecl card() {
    Token at = next();
    next();
    expect(Kind.LPAREN, "after '@card'");
    long min = integer(expect(Kind.INT, "as the @card minimum"));
    expect(Kind.DOTDOT, "after the @card minimum");
    Long max = peek().is(Kind.INT) ? integer(next()) : null;
    expect(Kind.RPAREN, "to close @card");
    if (max != null && min > max) {
      throw new SchemaException(at.pos(), "@card minimum (" + min + ") exceeds maximum (" + max + ")");
    }
    return new CardDecl(min, max, at.pos());
  }

  /** Reads annotations until something else; in a body, {@code @key(...)} starts a constraint. */
  private List<Annotation> annotations(boolean inBody) {
    List<Annotation> annotations = new ArrayList<>();
    while (peek().is(Kind.AT)) {
      Token name = peek(1);
      if (inBody && name.is(Kind.IDENT) && BODY_CONSTRAINTS.contains(name.text())
          && peek(2).is(Kind.LPAREN)) {
        break;
      }
      if (name.isWord("card")) {
        throw error(name, "@card belongs directly after an edge's endpoints, before other"
            + " annotations");
      }
      annotations.add(annotation());
    }
    return annotations;
  }

  private Annotation annotation() {
    Token at = next();
    Token name = expect(Kind.IDENT, "after '@' (annotation names start with a lowercase letter or '_')");
    if (!accept(Kind.LPAREN)) {
      return new Annotation(name.text(), null, Map.of(), at.pos());
    }
    Literal value = literal(true, "as the argument of @" + name.text());
    Map<String, Literal> kwargs = new LinkedHashMap<>();
    while (accept(Kind.COMMA)) {
      Token key = expect(Kind.IDENT, "as a 'name=value' argument of @" + name.text());
      expect(Kind.EQUALS, "after argument name '" + key.text() + "'");
      Literal kwValue = literal(false, "as the value of '" + key.text() + "='");
      if (kwargs.putIfAbsent(key.text(), kwValue) != null) {
        throw error(key, "argument '" + key.text() + "=' given twice to @" + name.text() + ";"
            + " expected a new argument name");
      }
    }
    expect(Kind.RPAREN, "to close @" + name.text());
    return new Annotation(name.text(), value, kwargs, at.pos());
  }

  private BodyConstraint bodyConstraint(String owner) {
    Token at = next();
    Token name = peek();
    if (!name.is(Kind.IDENT) || !BODY_CONSTRAINTS.contains(name.text())) {
      throw error(name, "expected a body constraint (key, unique, index, range or check) in "
          + owner);
    }
    next();
    expect(Kind.LPAREN, "after '@" + name.text() + "'");
    List<ConstraintArg> args = new ArrayList<>();
    do {
      args.add(constraintArg(name.text()));
    } while (accept(Kind.COMMA));
    expect(Kind.RPAREN, "or ',' in @" + name.text() + "(...)");
    return new BodyConstraint(name.text(), args, at.pos());
  }

  private ConstraintArg constraintArg(String constraint) {
    Token first = peek();
    if (accept(Kind.DOTDOT)) {
      return new RangeBound(null, signedNumber("after '..'"), first.pos());
    }
    if (first.is(Kind.MINUS) || first.is(Kind.INT) || first.is(Kind.FLOAT)) {
      String low = signedNumber("as a number");
      if (accept(Kind.DOTDOT)) {
        boolean hasHigh = peek().is(Kind.MINUS) || peek().is(Kind.INT) || peek().is(Kind.FLOAT);
        return new RangeBound(low, hasHigh ? signedNumber("after '..'") : null, first.pos());
      }
      if (low.startsWith("-")) {
        throw error(peek(), "expected '..' after the range bound " + low);
      }
      return new Literal(first.is(Kind.INT) ? Literal.Kind.INT : Literal.Kind.FLOAT, low,
          first.pos());
    }
    return literal(true, "as an argument of @" + constraint);
  }

  private String signedNumber(String where) {
    boolean negative = accept(Kind.MINUS);
    Token digits = peek();
    if (!digits.is(Kind.INT) && !digits.is(Kind.FLOAT)) {
      throw error(digits, "expected a number " + where);
    }
    next();
    return negative ? "-" + digits.text() : digits.text();
  }

  private Literal literal(boolean identAllowed, String where) {
    Token t = peek();
    Literal.Kind kind;
    if (t.is(Kind.STRING)) {
      kind = Literal.Kind.STRING;
    } else if (t.is(Kind.INT)) {
      kind = Literal.Kind.INT;
    } else if (t.is(Kind.FLOAT)) {
      kind = Literal.Kind.FLOAT;
    } else if (t.isWord("true") || t.isWord("false")) {
      kind = Literal.Kind.BOOL;
    } else if (identAllowed && t.is(Kind.IDENT)) {
      kind = Literal.Kind.IDENT;
    } else {
      throw error(t, "expected " + (identAllowed ? "a name or a literal " : "a literal ") + where);
    }
    next();
    return new Literal(kind, t.text(), t.pos());
  }

  private Token typeName(String where) {
    Token t = peek();
    if (t.is(Kind.TYPE_NAME)) {
      return next();
    }
    String hint = t.is(Kind.IDENT) ? " (type names start with an uppercase letter)" : "";
    throw error(t, "expected a type name " + where + hint);
  }

  private long integer(Token t) {
    try {
      return Long.parseLong(t.text());
    } catch (NumberFormatException e) {
      throw new SchemaException(t.pos(), "integer " + t.text() + " is too large");
    }
  }

  private Token expect(Kind kind, String where) {
    Token t = peek();
    if (!t.is(kind)) {
      throw error(t, "expected " + spelling(kind) + " " + where);
    }
    return next();
  }

  private boolean accept(Kind kind) {
    if (peek().is(kind)) {
      next();
      return true;
    }
    return false;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(index);
    if (!t.is(Kind.EOF)) {
      index++;
    }
    return t;
  }

  private static SchemaException error(Token found, String expected) {
    return new SchemaException(found.pos(), expected + ", found " + found.describe());
  }

  private static String spelling(Kind kind) {
    return switch (kind) {
      case LBRACE -> "'{'";
      case RBRACE -> "'}'";
      case LPAREN -> "'('";
      case RPAREN -> "')'";
      case LBRACKET -> "'['";
      case RBRACKET -> "']'";
      case COLON -> "':'";
      case COMMA -> "','";
      case QUESTION -> "'?'";
      case AT -> "'@'";
      case ARROW -> "'->'";
      case DOTDOT -> "'..'";
      case EQUALS -> "'='";
      case MINUS -> "'-'";
      case INT -> "an integer";
      case FLOAT -> "a number";
      case STRING -> "a string";
      case IDENT -> "a name";
      case TYPE_NAME -> "a type name";
      case EOF -> "end of input";
    };
  }
}
