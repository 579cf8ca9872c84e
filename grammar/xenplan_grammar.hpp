// The PEGTL grammar of the xenplan language: rules only. The EBNF of each rule is the comment
// above it; grammar/README.md has the whole EBNF.
//
// Commit points are `must<R>`: once a key is read a value must follow, once a string, list or
// block is open it must close. Each R used under must<> is a rule of its own, used nowhere else,
// and has an error message in words (src/syntax/dsl_reader.cpp); PEGTL's must_if control
// checks at compile time that none is missing.
#pragma once

#include <tao/pegtl.hpp>

namespace xenplan::grammar {

namespace p = tao::pegtl;

// comment = "#" { any character but a line break } ;
struct comment : p::seq<p::one<'#'>, p::until<p::eolf>> {};

// ws = { " " | tab | CR | LF | comment } ;
struct ws : p::star<p::sor<p::one<' ', '\t', '\r', '\n'>, comment>> {};

// key = lower { lower | digit | "_" } ;
struct key : p::seq<p::lower, p::star<p::sor<p::lower, p::digit, p::one<'_'>>>> {};

// word = word_start { word_char | "," } ;
// list_word = word_start { word_char } ;     (inside a list a comma separates items)
// word_start = letter | digit | "_" | "/" | "." ;
// word_char = word_start | ":" | "+" | "@" | "%" | "-" ;
// A bare scalar: names, numbers and sizes (512MiB, 10ms), CPU sets (2-5,7), MAC addresses,
// paths and addresses need no quotes.
struct word_start : p::sor<p::alnum, p::one<'_', '/', '.'>> {};
struct word_char : p::sor<word_start, p::one<':', '+', '@', '%', '-'>> {};
struct word : p::seq<word_start, p::star<p::sor<word_char, p::one<','>>>> {};
struct list_word : p::seq<word_start, p::star<word_char>> {};

// string = '"' { string_char | escape } '"' ;   (on one line)
// escape = "\" ( '"' | "\" | "n" | "t" | "r" | "x" hex hex ) ;
struct hex_escape : p::seq<p::one<'x'>, p::xdigit, p::xdigit> {};
struct escape_char : p::sor<p::one<'"', '\\', 'n', 't', 'r'>, hex_escape> {};
struct escape : p::seq<p::one<'\\'>, p::must<escape_char>> {};
struct string_char : p::not_one<'"', '\\', '\n', '\r'> {};
struct string_close : p::one<'"'> {};
struct string : p::seq<p::one<'"'>, p::star<p::sor<escape, string_char>>, p::must<string_close>> {};

struct value;

// list = "[" ws [ list_value ws { "," ws list_value ws } [ "," ws ] ] "]" ;
// list_value = string | list | block | list_word ;
struct list_open : p::one<'['> {};
struct list_close : p::one<']'> {};
struct list_item;
struct list_value;
struct list_items
    : p::opt<list_value, ws, p::star<p::one<','>, ws, p::not_at<p::one<']'>>, p::must<list_item>, ws>,
             p::opt<p::one<','>, ws>> {};
struct list : p::seq<list_open, ws, list_items, p::must<list_close>> {};

struct entry;

// block = "{" ws { entry ws } "}" ;
struct block_open : p::one<'{'> {};
struct block_close : p::one<'}'> {};
struct block : p::seq<block_open, ws, p::star<entry, ws>, p::must<block_close>> {};

// value = string | list | block | word ;
struct value : p::sor<string, list, block, word> {};
struct list_value : p::sor<string, list, block, list_word> {};
struct list_item : list_value {};

// named_block = ( word | string ) ws block ;   (a block with a name: `domain plc-1 { ... }`)
struct block_name : word {};
struct quoted_block_name : string {};
struct named_block
    : p::seq<p::at<p::sor<word, string>, ws, p::one<'{'>>, p::sor<block_name, quoted_block_name>, ws, block> {
};

// entry = key ws ( named_block | value ) ;
struct entry_value : p::sor<named_block, value> {};
struct entry : p::seq<key, ws, p::must<entry_value>> {};

// header = "xenplan" ws digit { digit } ;   (the format version)
struct header_keyword : TAO_PEGTL_KEYWORD("xenplan") {};
struct version : p::plus<p::digit> {};

// file = ws header ws { entry ws } end ;
struct end_of_file : p::eof {};
struct file : p::seq<ws, p::must<header_keyword>, ws, p::must<version>, ws, p::star<entry, ws>,
                     p::must<end_of_file>> {};

}  // namespace xenplan::grammar
