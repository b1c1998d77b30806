package dev.dimmer.plan.render;

import java.util.stream.Collectors;

/** Writes a runbook as GitHub-flavoured Markdown (task lists for checklists). */
final class MarkdownRunbook {
    private MarkdownRunbook() {
    }

    static String write(Runbook runbook) {
        StringBuilder out = new StringBuilder("# ").append(inline(runbook.title())).append("\n");
        for (Section section : runbook.sections()) {
            out.append("\n## ").append(inline(section.title())).append("\n");
            for (Block block : section.blocks()) {
                out.append('\n');
                block(out, block);
            }
        }
        return out.toString();
    }

    private static void block(StringBuilder out, Block block) {
        if (block instanceof Block.Paragraph p) {
            out.append(inline(p.text())).append('\n');
        } else if (block instanceof Block.Heading h) {
            out.append("### ").append(inline(h.text())).append('\n');
        } else if (block instanceof Block.Bullets b) {
            b.items().forEach(i -> out.append("- ").append(inline(i)).append('\n'));
        } else if (block instanceof Block.Steps s) {
            for (int i = 0; i < s.items().size(); i++) {
                out.append(i + 1).append(". ").append(inline(s.items().get(i))).append('\n');
            }
        } else if (block instanceof Block.Code c) {
            out.append("```\n").append(c.text().strip()).append("\n```\n");
        } else if (block instanceof Block.Checklist c) {
            c.items().forEach(i ->
                    out.append("- [").append(i.ticked() ? 'x' : ' ').append("] ").append(inline(i.text())).append('\n'));
        } else if (block instanceof Block.Table t) {
            out.append(row(t.headers()));
            out.append(t.headers().stream().map(h -> "---").collect(Collectors.joining(" | ", "| ", " |\n")));
            t.rows().forEach(r -> out.append(row(r)));
        }
    }

    private static String row(java.util.List<String> cells) {
        return cells.stream().map(c -> inline(c).replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    /** Plan text is data: keep it from turning into Markdown structure or HTML. */
    private static String inline(String text) {
        return text.replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }
}
