package io.devmsan.report;

/** The HTML report's style sheet and legend, inline so that the page needs nothing else. */
final class HtmlStyle {

    static final String CSS = String.join("\n",
            ":root{--red:#c62828;--access:#d50000;--orange:#ef6c00;--green:#2e7d32;--blue:#1565c0;"
                    + "--purple:#6a1b9a;--grey:#8a9099;--ink:#1f2328;--muted:#6b7280;--line:#d0d7de}",
            "*{box-sizing:border-box}",
            "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--ink);"
                    + "margin:0;padding:24px 32px;background:#fff}",
            "h1{font-size:22px;margin:0 0 6px}h2{font-size:17px;margin:28px 0 8px}",
            ".logo{background:var(--ink);color:#fff;padding:2px 8px;border-radius:4px;margin-right:6px}",
            "code,.code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}",
            ".verdict{display:inline-block;font-weight:700;padding:4px 12px;border-radius:14px;margin:6px 0}",
            ".verdict.fail{background:#ffebee;color:var(--red)}.verdict.pass{background:#e8f5e9;color:var(--green)}",
            ".verdict.info{background:#fff3e0;color:var(--orange)}",
            ".meta,.muted,footer{color:var(--muted)}footer{margin-top:36px;font-size:12px}",
            "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 10px;"
                    + "border-bottom:1px solid var(--line);vertical-align:top}",
            "th{background:#f6f8fa;font-weight:600}.num{text-align:right}",
            "tr.informational td{color:var(--muted)}",
            ".rule{display:inline-block;background:var(--red);color:#fff;border-radius:4px;padding:0 7px;"
                    + "font-size:12px;font-weight:700;white-space:nowrap}",
            ".violation{border:1px solid var(--line);border-left:5px solid var(--red);border-radius:6px;"
                    + "padding:6px 20px 14px;margin:22px 0}",
            ".violation h2 code{font-size:15px}.headline{font-weight:600;margin:4px 0}",
            ".explanation{margin:2px 0 10px;color:#444}",
            ".facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0 12px}",
            ".facts dt{color:var(--muted)}.facts dd{margin:0;font-family:ui-monospace,Menlo,Consolas,monospace;"
                    + "font-size:12.5px;word-break:break-all}",
            ".picture{margin:8px 0}.scroll{overflow-x:auto;border:1px solid var(--line);border-radius:6px}",
            "figcaption{font-size:12px;color:var(--muted);margin-top:4px}",
            ".story{margin:10px 0;padding-left:22px}.story li{margin:3px 0}",
            ".story .where{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:var(--muted)}",
            ".story .where.user{color:var(--blue)}.story .step-access{color:var(--access);font-weight:600}",
            "details{margin:6px 0}summary{cursor:pointer;font-weight:600}",
            "pre.stack{background:#f6f8fa;border-radius:6px;padding:8px 12px;overflow-x:auto;color:var(--muted)}",
            "pre.stack .user{color:var(--ink);font-weight:600}",
            "table.events{width:auto}table.events td{font-size:12.5px;padding:3px 10px}",
            ".legend{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:12px;color:#444;margin:10px 0}",
            ".legend span{display:inline-flex;align-items:center;gap:5px}",
            // The picture.
            "svg.timeline{display:block;font-family:system-ui,sans-serif}",
            ".lane-even{fill:#fbfcfd}.lane-odd{fill:#f2f4f7}.lane-line{stroke:#c3c9d1;stroke-width:1}",
            ".lane-label{font:600 12px ui-monospace,Menlo,Consolas,monospace;fill:#30363d}",
            ".gone{fill:rgba(229,57,53,.10)}",
            ".guide-unbind{stroke:var(--red);stroke-width:2}.guide-unregister{stroke:var(--orange);stroke-width:1.5;"
                    + "stroke-dasharray:5 4}",
            ".guide-label{font-size:11px;font-weight:600}.guide-unbind-label{fill:var(--red)}"
                    + ".guide-unregister-label{fill:var(--orange)}",
            ".bar-unbind{fill:rgba(198,40,40,.28)}.bar-op{fill:rgba(106,27,154,.22)}",
            // A halo keeps labels legible where guide lines and bars cross them.
            ".event-label,.event-time,.event-detail,.access-label,.guide-label{paint-order:stroke;stroke:#fff;"
                    + "stroke-width:3px;stroke-linejoin:round}",
            ".event-label{text-anchor:middle;font-size:11px;font-weight:600;fill:#30363d}",
            ".event-time{text-anchor:middle;font-size:10px;fill:#59636e}",
            ".event-detail{text-anchor:middle;font-size:10px;fill:#8a9099}",
            ".mark{fill:var(--grey)}",
            ".ev-probe .mark{fill:var(--green)}.ev-probe-failed .mark{fill:#fff;stroke:var(--red);stroke-width:3}",
            ".ev-cdev-add .mark{fill:var(--blue)}.ev-open .mark{fill:#fff;stroke:var(--blue);stroke-width:3}",
            ".ev-unregister .mark{fill:var(--orange)}",
            ".ev-unbind-start .mark{fill:#fff;stroke:var(--red);stroke-width:3}.ev-unbind-done .mark{fill:var(--red)}",
            ".ev-op-in-flight .mark,.ev-entry-in-flight .mark{fill:var(--purple)}",
            ".ev-access .mark{fill:var(--access);stroke:#fff;stroke-width:2}.ev-access .halo{fill:rgba(213,0,0,.18)}",
            ".access-label{font-size:13px;font-weight:800;fill:var(--access);letter-spacing:.3px}",
            "");

    /** One swatch per marker kind, drawn with the same classes as the picture. */
    static final String LEGEND = swatch("probe", "<circle class=\"mark\" cx=\"8\" cy=\"8\" r=\"6\"/>", "probe")
            + swatch("cdev-add", "<rect class=\"mark\" x=\"2\" y=\"2\" width=\"12\" height=\"12\" rx=\"2\"/>", "cdev add")
            + swatch("open", "<circle class=\"mark\" cx=\"8\" cy=\"8\" r=\"5\"/>", "open")
            + swatch("unregister", "<path class=\"mark\" d=\"M1 2 L15 2 L8 15 Z\"/>", "cdev unregister")
            + swatch("unbind-start", "<circle class=\"mark\" cx=\"8\" cy=\"8\" r=\"5\"/>", "unbind start")
            + swatch("unbind-done", "<circle class=\"mark\" cx=\"8\" cy=\"8\" r=\"6\"/>", "unbind done")
            + swatch("op-in-flight", "<circle class=\"mark\" cx=\"8\" cy=\"8\" r=\"6\"/>", "operation in flight")
            + swatch("access", "<path class=\"mark\" d=\"M8 1 L15 8 L8 15 L1 8 Z\"/>", "the access")
            + swatch("other", "<circle class=\"mark\" cx=\"8\" cy=\"8\" r=\"4\"/>", "other")
            + "<span><svg width=\"22\" height=\"16\"><rect class=\"gone\" width=\"22\" height=\"16\"/></svg>"
            + "after unbind</span>";

    private HtmlStyle() {
    }

    private static String swatch(String event, String shape, String label) {
        return "<span><svg class=\"swatch\" width=\"16\" height=\"16\" viewBox=\"0 0 16 16\"><g class=\"ev-" + event
                + "\">" + shape + "</g></svg>" + label + "</span>";
    }
}
