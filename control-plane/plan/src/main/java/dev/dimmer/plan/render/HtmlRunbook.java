package dev.dimmer.plan.render;

/** Writes a runbook as one self-contained HTML page with checkboxes a lead can tick while running the cutover. */
final class HtmlRunbook {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
            + "padding:0 1rem;line-height:1.45}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
            + "padding:.25rem .5rem;text-align:left}pre{background:#f4f4f4;padding:.5rem}li.ticked{color:#555}";

    private HtmlRunbook() {
    }

    static String write(Runbook runbook) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(runbook.title())).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n<h1>")
                .append(escape(runbook.title())).append("</h1>\n");
        out.append("<nav>\n<h2>Contents</h2>\n<ol>\n");
        for (int i = 0; i < runbook.sections().size(); i++) {
            out.append("<li><a href=\"#").append(anchor(i)).append("\">")
                    .append(escape(runbook.sections().get(i).title())).append("</a></li>\n");
        }
        out.append("</ol>\n</nav>\n");
        for (int i = 0; i < runbook.sections().size(); i++) {
            Section section = runbook.sections().get(i);
            out.append("<section id=\"").append(anchor(i)).append("\">\n<h2>").append(escape(section.title()))
                    .append("</h2>\n");
            section.blocks().forEach(block -> block(out, block));
            out.append("</section>\n");
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static String anchor(int index) {
        return "section-" + (index + 1);
    }

    private static void block(StringBuilder out, Block block) {
        if (block instanceof Block.Paragraph p) {
            out.append("<p>").append(escape(p.text())).append("</p>\n");
        } else if (block instanceof Block.Heading h) {
            out.append("<h3>").append(escape(h.text())).append("</h3>\n");
        } else if (block instanceof Block.Bullets b) {
            list(out, "ul", b.items());
        } else if (block instanceof Block.Steps s) {
            list(out, "ol", s.items());
        } else if (block instanceof Block.Code c) {
            out.append("<pre><code>").append(escape(c.text().strip())).append("</code></pre>\n");
        } else if (block instanceof Block.Checklist c) {
            out.append("<ul class=\"checklist\">\n");
            for (Block.CheckItem item : c.items()) {
                out.append(item.ticked() ? "<li class=\"ticked\"><label><input type=\"checkbox\" checked> "
                        : "<li><label><input type=\"checkbox\"> ").append(escape(item.text())).append("</label></li>\n");
            }
            out.append("</ul>\n");
        } else if (block instanceof Block.Table t) {
            out.append("<table>\n<tr>");
            t.headers().forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
            out.append("</tr>\n");
            for (java.util.List<String> row : t.rows()) {
                out.append("<tr>");
                row.forEach(c -> out.append("<td>").append(escape(c)).append("</td>"));
                out.append("</tr>\n");
            }
            out.append("</table>\n");
        }
    }

    private static void list(StringBuilder out, String tag, java.util.List<String> items) {
        out.append('<').append(tag).append(">\n");
        items.forEach(i -> out.append("<li>").append(escape(i)).append("</li>\n"));
        out.append("</").append(tag).append(">\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
