/*
 * svg_check.h - a strict well-formedness check of the documents the SVG
 * writer produces, shared by test/unit/test_svg.c and test/fuzz/fuzz_svg.c.
 *
 * The writer's documents are pure ASCII: an XML declaration, then one svg
 * element.  The check accepts exactly the XML 1.0 subset they use: start,
 * end and empty-element tags with double-quoted attributes, character data,
 * the five predefined entities and hexadecimal character references to
 * characters XML allows.  It returns NULL when the document is well formed,
 * otherwise a description of the first fault.
 */
#ifndef RG_TEST_SVG_CHECK_H
#define RG_TEST_SVG_CHECK_H

#include <stddef.h>
#include <string.h>

#define SVG_CHECK_DEPTH 64

static int
svg_check_name_char(char c, int first)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':')
		return 1;
	return !first && ((c >= '0' && c <= '9') || c == '-' || c == '.');
}

/* One entity or character reference at p; its length, or 0 if invalid. */
static size_t
svg_check_ref(const char *p, size_t n)
{
	static const char *const named[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};

	for (int i = 0; i < 5; i++)
	{
		size_t		l = strlen(named[i]);

		if (n >= l && memcmp(p, named[i], l) == 0)
			return l;
	}
	if (n >= 4 && p[1] == '#')
	{
		size_t		i = 2;
		long		v = 0;
		int			hex = 0,
					digits = 0;

		if (p[2] == 'x')
		{
			hex = 1;
			i = 3;
		}
		for (; i < n && p[i] != ';'; i++)
		{
			int			d;

			if (p[i] >= '0' && p[i] <= '9')
				d = p[i] - '0';
			else if (hex && p[i] >= 'A' && p[i] <= 'F')
				d = p[i] - 'A' + 10;
			else if (hex && p[i] >= 'a' && p[i] <= 'f')
				d = p[i] - 'a' + 10;
			else
				return 0;
			if (++digits > 7)
				return 0;
			v = v * (hex ? 16 : 10) + d;
		}
		if (i == n || digits == 0)
			return 0;
		/* XML 1.0 Char, without the C0/C1 controls the writer never emits */
		if (v < 0x20 || (v >= 0x7F && v <= 0x9F) || (v >= 0xD800 && v <= 0xDFFF) ||
			v == 0xFFFE || v == 0xFFFF || v > 0x10FFFF)
			return 0;
		return i + 1;
	}
	return 0;
}

static const char *
svg_check(const char *doc, size_t n)
{
	const char *stack[SVG_CHECK_DEPTH];
	size_t		stack_len[SVG_CHECK_DEPTH];
	int			depth = 0,
				roots = 0;
	size_t		i = 0;
	static const char decl[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

	if (n < sizeof(decl) - 1 || memcmp(doc, decl, sizeof(decl) - 1) != 0)
		return "no XML declaration";
	i = sizeof(decl) - 1;
	while (i < n)
	{
		char		c = doc[i];

		if ((unsigned char) c > 0x7E || ((unsigned char) c < 0x20 && c != '\n'))
			return "byte outside printable ASCII";
		if (c == '>' || c == '"' || c == '\'')
			return "markup character in text";
		if (c == '&')
		{
			size_t		l = svg_check_ref(doc + i, n - i);

			if (!l)
				return "bad reference in text";
			if (depth == 0)
				return "reference outside the root";
			i += l;
			continue;
		}
		if (c != '<')
		{
			if (depth == 0 && c != '\n' && c != ' ')
				return "text outside the root";
			i++;
			continue;
		}
		/* a tag */
		i++;
		if (i < n && doc[i] == '/')
		{
			size_t		s = ++i;

			while (i < n && svg_check_name_char(doc[i], i == s))
				i++;
			if (depth == 0 || i - s != stack_len[depth - 1] ||
				memcmp(doc + s, stack[depth - 1], i - s) != 0)
				return "end tag does not match";
			if (i >= n || doc[i] != '>')
				return "bad end tag";
			depth--;
			i++;
			continue;
		}
		{
			size_t		s = i,
						name_len;

			while (i < n && svg_check_name_char(doc[i], i == s))
				i++;
			if (i == s)
				return "bad tag name";
			name_len = i - s;
			if (depth == 0)
			{
				if (roots++ || i - s != 3 || memcmp(doc + s, "svg", 3) != 0)
					return "root is not one svg element";
			}
			/* attributes */
			for (;;)
			{
				size_t		a;

				if (i < n && doc[i] == ' ')
					i++;
				else if (i < n && doc[i] != '>' && doc[i] != '/')
					return "attributes not separated";
				if (i < n && (doc[i] == '>' || doc[i] == '/'))
					break;
				a = i;
				while (i < n && svg_check_name_char(doc[i], i == a))
					i++;
				if (i == a || i + 1 >= n || doc[i] != '=' || doc[i + 1] != '"')
					return "bad attribute";
				i += 2;
				while (i < n && doc[i] != '"')
				{
					if (doc[i] == '<' || (unsigned char) doc[i] < 0x20 || (unsigned char) doc[i] > 0x7E)
						return "bad character in attribute";
					if (doc[i] == '&')
					{
						size_t		l = svg_check_ref(doc + i, n - i);

						if (!l)
							return "bad reference in attribute";
						i += l;
					}
					else
						i++;
				}
				if (i >= n)
					return "unterminated attribute";
				i++;
			}
			if (doc[i] == '/')
			{
				if (i + 1 >= n || doc[i + 1] != '>')
					return "bad empty-element tag";
				i += 2;
				continue;
			}
			if (depth == SVG_CHECK_DEPTH)
				return "too deep";
			stack[depth] = doc + s;
			stack_len[depth] = name_len;
			depth++;
			i++;
		}
	}
	if (depth != 0)
		return "unclosed element";
	if (roots != 1)
		return "no root element";
	return NULL;
}

#endif							/* RG_TEST_SVG_CHECK_H */
