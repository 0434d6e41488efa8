"""`{% cached_part parts "name" %}…{% endcached_part %}`: a part of a knowledge page kept in the cache as HTML.

`parts` is the request's knowledge.parts.PageParts (its docstring says what a key holds and what renews it), or
None, as for a preview: then the part is rendered and not kept.
"""

from django import template

from common.parts import kept

register = template.Library()


class CachedPartNode(template.Node):
    def __init__(self, nodelist, parts, name):
        self.nodelist = nodelist
        self.parts = parts
        self.name = name

    def render(self, context):
        parts = self.parts.resolve(context)
        if parts is None:
            return self.nodelist.render(context)
        return kept(parts.key(self.name.resolve(context)), lambda: self.nodelist.render(context))


@register.tag
def cached_part(parser, token):
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes the parts and a name: {{% {bits[0]} parts 'name' %}}")
    nodelist = parser.parse(("endcached_part",))
    parser.delete_first_token()
    return CachedPartNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]))
