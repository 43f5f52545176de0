"""Hostile text a customer can send through any channel, aimed at the agent's browser.

Every payload that could run sets ``window.__xss`` and calls ``alert``, so a run that
escaped our escaping shows up twice: as a dialog and as the global. Kinds: script tags,
event handlers, ``javascript:`` URLs, SVG and MathML, CSS, markdown and email-HTML
tricks, attribute and template breakouts, encodings.
"""

from __future__ import annotations

RUN = "window.__xss=1;alert(1)"

PAYLOADS: list[str] = [
    # script elements
    f"<script>{RUN}</script>",
    f"<SCRIPT>{RUN}</SCRIPT>",
    f"<script src=data:text/javascript,{RUN}></script>",
    f"<scr<script>ipt>{RUN}</scr</script>ipt>",
    f"</textarea><script>{RUN}</script>",
    f"</title><script>{RUN}</script>",
    f'"><script>{RUN}</script>',
    f"'><script>{RUN}</script>",
    f"<script>/*</script><script>*/{RUN}</script>",
    f"<!--<script>-->{RUN}<!--</script>-->",
    # event handlers
    f"<img src=x onerror={RUN}>",
    f'<img src="x" onerror="{RUN}">',
    f"<body onload={RUN}>",
    f"<svg onload={RUN}>",
    f"<input autofocus onfocus={RUN}>",
    f"<details open ontoggle={RUN}>",
    f"<video><source onerror={RUN}></video>",
    f"<audio src=x onerror={RUN}>",
    f"<iframe onload={RUN}></iframe>",
    f"<marquee onstart={RUN}>hi</marquee>",
    f"<div onmouseover={RUN}>hover me</div>",
    f"<select autofocus onfocus={RUN}>",
    f"<textarea autofocus onfocus={RUN}>",
    "<img src=x:alert(1) onerror=eval(src)>",
    f'<a href="#" onclick="{RUN}">click</a>',
    # javascript: and data: URLs
    f"<a href=javascript:{RUN}>click</a>",
    f"<a href=JaVaScRiPt:{RUN}>click</a>",
    f'<a href="java&#x09;script:{RUN}">click</a>',
    f"<iframe src=javascript:{RUN}></iframe>",
    f"<form action=javascript:{RUN}><button>go</button></form>",
    f'<object data="javascript:{RUN}"></object>',
    '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    f'<meta http-equiv="refresh" content="0;url=javascript:{RUN}">',
    f"<base href=javascript:{RUN}//>",
    # SVG and MathML
    f"<svg><script>{RUN}</script></svg>",
    f'<svg><a xlink:href="javascript:{RUN}"><text x="20" y="20">XSS</text></a></svg>',
    f"<svg><animate onbegin={RUN} attributeName=x dur=1s>",
    f"<svg><foreignObject><img src=x onerror={RUN}></foreignObject></svg>",
    f"<math><mtext><img src=x onerror={RUN}></mtext></math>",
    # CSS
    f"<style>@import 'javascript:{RUN}';</style>",
    f'<div style="background:url(javascript:{RUN})">x</div>',
    f'<div style="width:expression({RUN})">x</div>',
    f"<link rel=stylesheet href=javascript:{RUN}>",
    "<style>body{display:none}</style>all text should stay visible",
    # markdown tricks
    f"[click me](javascript:{RUN})",
    f"![img](x onerror={RUN})",
    f"[a](<javascript:{RUN}>)",
    f"<javascript:{RUN}>",
    # email HTML tricks
    f'<table background="javascript:{RUN}"><tr><td>x</td></tr></table>',
    f'<img src="cid:x" onerror="{RUN}">',
    f"<!--[if gte mso 9]><script>{RUN}</script><![endif]-->",
    f'<form><button formaction="javascript:{RUN}">Verify your account</button></form>',
    # breakouts, templates and encodings
    f"{{{{constructor.constructor('{RUN}')()}}}}",
    f"${{{RUN}}}",
    f"&lt;script&gt;{RUN}&lt;/script&gt;",
    f"%3Cscript%3E{RUN}%3C/script%3E",
    f"\\u003cscript\\u003e{RUN}\\u003c/script\\u003e",
    f'<noscript><p title="</noscript><img src=x onerror={RUN}>">',
    f"<template><script>{RUN}</script></template>",
    '<div hx-get="/console/logout" hx-trigger="load">htmx attribute</div>',
    "<div data-hx-post=/console/logout hx-trigger=load>htmx data attribute</div>",
]

assert len(PAYLOADS) >= 50
