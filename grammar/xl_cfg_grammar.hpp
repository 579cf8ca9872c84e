// The PEGTL grammar of xl.cfg(5) files as Xen 4.17's xl reads them (its flex lexer and bison
// parser, tools/libs/util/libxlu_cfg_{l.l,y.y}): rules only, the EBNF of each rule above it;
// grammar/README.md has the whole EBNF. Cpupool files are read with the same grammar.
//
// Commit points are `must<R>`: after a key comes `=` or `+=`, after that a value, after a value
// the end of the statement; an open string or list must close. Each R used under must<> is a
// rule of its own, used nowhere else, and has an error message in words
// (src/syntax/xl_cfg_reader.cpp); PEGTL's must_if control checks at compile time that none is
// missing.
#pragma once

#include <tao/pegtl.hpp>

namespace xenplan::xl_grammar {

namespace p = tao::pegtl;

// blank = { " " | tab } ;   (a carriage return is not blank to xl: CRLF files are rejected)
struct blank : p::star<p::one<' ', '\t'>> {};

// comment = "#" { any character but LF } LF ;   (xl rejects a comment without its line break)
struct comment_end : p::one<'\n'> {};
struct comment : p::seq<p::one<'#'>, p::star<p::not_one<'\n'>>, p::must<comment_end>> {};

// newline = LF | comment ;
struct newline : p::sor<p::one<'\n'>, comment> {};

// gap = { blank | newline } ;   (inside a list, line breaks and comments may come between items)
struct gap : p::star<p::sor<p::one<' ', '\t'>, newline>> {};

// key = lower { lower | digit | "." | "_" } ;
struct key : p::seq<p::range<'a', 'z'>, p::star<p::sor<p::range<'a', 'z'>, p::digit, p::one<'.', '_'>>>> {};

// number = digit { digit | "a" .. "f" | "x" } ;   (xl converts it where a key is read, as strtol)
struct number : p::seq<p::digit, p::star<p::sor<p::digit, p::range<'a', 'f'>, p::one<'x'>>>> {};

// escape = "\" ( '"' | "'" | "\" | "a" | "b" | "f" | "n" | "r" | "t" | "v" | octal ) ;
// octal = "0" .. "7" digit digit [ digit ] ;   (xl 4.17 drops the character an octal escape
//                                               names, and rejects every \x escape)
struct octal_escape : p::seq<p::range<'0', '7'>, p::digit, p::digit, p::opt<p::digit>> {};
struct escape_char : p::sor<p::one<'"', '\'', '\\', 'a', 'b', 'f', 'n', 'r', 't', 'v'>, octal_escape> {};
struct escape : p::seq<p::one<'\\'>, p::must<escape_char>> {};

// dq_string = '"' { any character but '"', "\" or LF | escape } '"' ;
// sq_string = "'" { any character but "'", "\" or LF | escape } "'" ;
struct dq_close : p::one<'"'> {};
struct dq_string
    : p::seq<p::one<'"'>, p::star<p::sor<escape, p::not_one<'"', '\\', '\n'>>>, p::must<dq_close>> {};
struct sq_close : p::one<'\''> {};
struct sq_string
    : p::seq<p::one<'\''>, p::star<p::sor<escape, p::not_one<'\'', '\\', '\n'>>>, p::must<sq_close>> {};

// atom = dq_string | sq_string | number ;
struct atom : p::sor<dq_string, sq_string, number> {};

// list = "[" gap [ value gap { "," gap value gap } [ "," gap ] ] "]" ;
// value = atom | list ;
struct list_open : p::one<'['> {};
struct list_close : p::one<']'> {};
struct list;
struct list_item : p::sor<atom, list> {};  // a value after a comma
struct list_items : p::opt<p::sor<atom, list>, gap,
                           p::star<p::one<','>, gap, p::not_at<p::one<']'>>, p::must<list_item>, gap>,
                           p::opt<p::one<','>, gap>> {};
struct list : p::seq<list_open, gap, list_items, p::must<list_close>> {};

// assignment = key blank ( "+=" | "=" ) blank value ;
struct append_op : p::string<'+', '='> {};
struct assign_op : p::sor<append_op, p::one<'='>> {};
struct assigned_value : p::sor<atom, list> {};
struct assignment : p::seq<key, blank, p::must<assign_op>, blank, p::must<assigned_value>> {};

// statement_end = ";" | newline ;
// statement = statement_end | assignment blank ( statement_end | end ) ;
//   (only the last assignment of a file may end at the end of the file)
struct statement_end : p::sor<p::one<';'>, newline> {};
struct assignment_end : p::sor<statement_end, p::eof> {};
struct statement : p::sor<statement_end, p::seq<assignment, blank, p::must<assignment_end>>> {};

// file = { blank statement } blank end ;
struct end_of_file : p::eof {};
struct file : p::seq<p::star<blank, statement>, blank, p::must<end_of_file>> {};

}  // namespace xenplan::xl_grammar
