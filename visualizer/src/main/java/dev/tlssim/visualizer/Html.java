package dev.tlssim.visualizer;

/**
 * HTML escaping and the shared page frame. Everything is inline (CSS, script, SVG) so a report
 * opens from a USB stick or a projector laptop without network access. Colours are the Okabe–Ito
 * palette, distinguishable with the common colour-vision deficiencies; sizes are chosen to stay
 * legible on a projector.
 */
final class Html {
  private Html() {}

  static String escape(Object o) {
    if (o == null) {
      return "";
    }
    String s = o.toString();
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static final String CSS = """
      :root{--blue:#0072B2;--orange:#E69F00;--green:#009E73;--verm:#D55E00;--purple:#CC79A7;--sky:#56B4E9;--grey:#8a8a8a}
      body{font:17px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.2em 1.6em;color:#1a1a1a;background:#fff}
      h1{font-size:1.8em;margin:.2em 0}h2{font-size:1.35em;margin:1.4em 0 .4em;border-bottom:2px solid #ddd}
      h3{font-size:1.1em;margin:.2em 0}h4{margin:.6em 0 .2em}
      table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #c8c8c8;padding:.25em .55em;text-align:right}
      th{background:#eee}td:first-child,th:first-child{text-align:left}
      .pass{color:#00795a;font-weight:bold}.fail{color:var(--verm);font-weight:bold}
      .badge{display:inline-block;padding:.05em .5em;border-radius:.4em;color:#fff;font-size:.85em;font-weight:bold}
      .badge.pass{background:#00795a;color:#fff}.badge.fail{background:var(--verm);color:#fff}
      code{background:#f2f2f2;padding:0 .25em;border-radius:3px}
      .wide{overflow-x:auto;max-width:100%}table.index th{text-align:left}table.index td:first-child{white-space:nowrap}.lead{font-size:1.1em;max-width:70em}.muted{color:#555}
      .legend{display:flex;flex-wrap:wrap;gap:.4em 1.4em;align-items:center;margin:.4em 0 .8em;font-size:.95em}
      .legend svg{vertical-align:middle}
      .ladders{display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start}
      .card{border:1px solid #ccc;border-radius:8px;padding:8px 10px;background:#fff}
      .card h3 .res{font-weight:normal;font-size:.9em}
      svg.ladder{display:block;font-family:system-ui,sans-serif}
      svg.ladder text{font-size:13px;fill:#1a1a1a}
      svg.ladder text.node{font-size:16px;font-weight:bold}
      svg.ladder text.tick{font-size:12px;fill:#666}
      svg.ladder line.tick{stroke:#eee}
      svg.ladder line.life{stroke:#555;stroke-width:2}
      .pkt{cursor:pointer}.pkt line{stroke-width:2}.pkt line.hit{stroke:transparent;stroke-width:12}
      .pkt.tls line{stroke:var(--blue);stroke-width:2.6}.pkt.syn line{stroke:var(--green);stroke-width:2.4}
      .pkt.fin line{stroke:var(--purple);stroke-width:2.2;stroke-dasharray:8 3}
      .pkt.rst line{stroke:var(--verm);stroke-width:2.4;stroke-dasharray:3 3}
      .pkt.ack line{stroke:var(--grey);stroke-width:1}.pkt.data line{stroke:#222;stroke-width:2}
      .pkt.retx line{stroke:var(--orange);stroke-width:3.4}
      .pkt.drop line{stroke:var(--verm);stroke-width:2}.pkt.drop text{fill:var(--verm);font-size:20px;font-weight:bold}
      .pkt.drop text.why{font-size:13px}
      .lblbg{fill:#fff;fill-opacity:.88}
      text.lbl{font-size:13px}text.lbl.tls{fill:#005a8c;font-weight:600}text.lbl.retx{fill:#9a6700;font-weight:700}
      text.lbl.syn{fill:#00664b}text.lbl.fin{fill:#8a3f6d}text.lbl.rst{fill:var(--verm)}
      line.wait{stroke:var(--orange);stroke-width:3;stroke-dasharray:6 5}text.waitlabel{fill:#9a6700;font-size:13px}
      line.done{stroke:var(--green);stroke-width:2;stroke-dasharray:10 4}
      text.donelabel{fill:#00664b;font-weight:bold;font-size:14px}
      .pkt.sel line:not(.hit){stroke:#000 !important;stroke-width:4}.pkt.sel text{font-weight:bold}
      tr.msg{cursor:pointer}tr.msg:hover,tr.msg.sel{background:#fff3cc}
      table.msgs{font-size:.9em}
      .cert{max-width:34em}.checks{padding-left:1.6em;margin:.2em 0}
      .checks li{margin:.15em 0}.checks .detail{font-size:.85em;color:#444}
      .checks li.passed .mark{color:#00795a}.checks li.failed{background:#fde4d8;border-left:5px solid var(--verm);padding:.2em .4em}
      .checks li.failed .mark,.checks li.failed .status{color:var(--verm);font-weight:bold}
      .checks li.skipped{color:#666}.alert{color:var(--verm);font-weight:bold}
      #inspector{position:fixed;right:12px;bottom:12px;width:25em;max-height:45vh;overflow:auto;background:#fffdf5;
        border:2px solid var(--orange);border-radius:8px;padding:.5em .8em;box-shadow:0 2px 10px rgba(0,0,0,.2);font-size:.95em}
      #inspector h4{margin:.1em 0 .3em}#inspector dl{display:grid;grid-template-columns:max-content 1fr;gap:.1em .8em;margin:0}
      #inspector dt{font-weight:bold;color:#444}#inspector dd{margin:0;word-break:break-word}
      #inspector .close{float:right;cursor:pointer;border:none;background:none;font-size:1.2em}
      #inspector.wide{top:12px;width:min(50vw,72em);max-height:none}
      .dump{display:flex;flex-wrap:wrap;gap:.8em;align-items:flex-start;margin:.3em 0 .8em}
      pre.hex{font:15px/1.55 ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;margin:0;padding:.3em .5em;
        background:#fff;border:1px solid #ccc;border-radius:4px}
      .hex .off{color:#6a6a6a}.hex .b{border-radius:2px;cursor:default}
      .hex .b[data-f],table.fields tr[data-f]{cursor:pointer}
      .c0{background:rgba(230,159,0,.32)}.c1{background:rgba(86,180,233,.38)}.c2{background:rgba(0,158,115,.28)}
      .c3{background:rgba(240,228,66,.55)}.c4{background:rgba(0,114,178,.24)}.c5{background:rgba(213,94,0,.24)}
      .c6{background:rgba(204,121,167,.34)}.bad{background:var(--verm);color:#fff}
      .hex .b.hl,.hex .b.pin{background:#1a1a1a;color:#fff;outline:2px solid #1a1a1a}
      table.fields{font-size:.88em;margin:0;flex:1 1 24em}table.fields td{text-align:left}table.fields td:nth-child(n+3){text-align:right}
      table.fields td:nth-child(2){max-width:22em;word-break:break-word}
      table.fields tr.hl td,table.fields tr.pin td{background:#fff3cc;box-shadow:inset 0 2px 0 #1a1a1a,inset 0 -2px 0 #1a1a1a}
      table.fields tr.warn td{background:#fde4d8;color:var(--verm);font-weight:bold}
      .sw{display:inline-block;width:.8em;height:.8em;margin-right:.4em;border:1px solid #999;vertical-align:-.05em}
      button.more{display:block;margin:.3em 0;font:inherit;font-size:14px;cursor:pointer}
      .keys{max-width:44em}.keys .secret{background:#fff3cc;border-left:5px solid var(--orange);padding:.3em .5em;margin:.3em 0}
      .keys .steps{padding-left:1.5em}.keys .steps li{margin:.35em 0}
      .keys dl{display:grid;grid-template-columns:max-content 1fr;gap:.1em .8em;margin:.2em 0}.keys dt{color:#444}.keys dd{margin:0}
      code.hexv{font-family:ui-monospace,"DejaVu Sans Mono",monospace;word-break:break-all;font-size:.92em}
      table.kb td,table.kb th,table.fields th{text-align:left}table.kb td:first-child{white-space:nowrap}table.kb td:nth-child(2),table.kb td:nth-child(3){text-align:right}
      .charts{display:flex;flex-wrap:wrap;gap:14px}.charts figure{margin:0;border:1px solid #ddd;border-radius:6px;padding:4px}
      .charts figcaption{font-size:.9em;color:#444;max-width:560px;padding:0 .4em .3em}
      details>summary{cursor:pointer;font-weight:bold;margin:.3em 0}
      @media (max-width:900px){body{margin:.6em}#inspector,#inspector.wide{width:auto;left:8px}}
      """;

  /** Clicking a packet or a message row shows its fields; the panel prints every field it is given. */
  private static final String SCRIPT = """
      (function(){
        var cache={};
        function data(f){if(!cache[f]){var el=document.getElementById('flow-data-'+f);cache[f]=el?JSON.parse(el.textContent):null;}return cache[f];}
        function panel(){var p=document.getElementById('inspector');if(!p){p=document.createElement('aside');p.id='inspector';document.body.appendChild(p);}p.hidden=false;return p;}
        function fields(o,skip){var dl=document.createElement('dl');Object.keys(o).forEach(function(k){if(skip.indexOf(k)>=0)return;
          var dt=document.createElement('dt');dt.textContent=k;var dd=document.createElement('dd');var v=o[k];
          dd.textContent=(typeof v==='object')?JSON.stringify(v):String(v);dl.appendChild(dt);dl.appendChild(dd);});return dl;}
        function clearSel(){document.querySelectorAll('.sel').forEach(function(e){e.classList.remove('sel');});}
        function head(p,text){p.textContent='';var b=document.createElement('button');b.className='close';b.textContent='\\u2715';
          b.title='close';b.onclick=function(){p.hidden=true;clearSel();};p.appendChild(b);var h=document.createElement('h4');h.textContent=text;p.appendChild(h);}
        function dump(p,f,msg){var t=msg.dump===undefined?null:document.getElementById('dump-'+f+'-'+msg.dump);
          if(t){p.appendChild(t.content.cloneNode(true));p.classList.add('wide');}}
        function showMessage(f,m){var d=data(f);if(!d)return;var msg=d.messages[m];var p=panel();p.classList.remove('wide');
          head(p,msg.name+' \\u2014 '+d.title);p.appendChild(fields(msg,['name','dump']));dump(p,f,msg);clearSel();
          document.querySelectorAll('tr.msg[data-flow="'+f+'"][data-m="'+m+'"]').forEach(function(e){e.classList.add('sel');});
          Object.keys(d.packets).forEach(function(id){var pk=d.packets[id];if(pk.messages&&pk.messages.indexOf(Number(m))>=0){
            document.querySelectorAll('.pkt[data-flow="'+f+'"][data-p="'+id+'"]').forEach(function(e){e.classList.add('sel');});}});}
        function showPacket(f,id){var d=data(f);if(!d||!d.packets[id])return;var pk=d.packets[id];var p=panel();p.classList.remove('wide');
          head(p,(pk.tls||pk.flags)+' \\u2014 '+d.title);p.appendChild(fields(pk,['messages']));
          (pk.messages||[]).forEach(function(m){var msg=d.messages[m];var h=document.createElement('h4');h.textContent='TLS message: '+msg.name;
            p.appendChild(h);p.appendChild(fields(msg,['name','dump']));dump(p,f,msg);});
          clearSel();document.querySelectorAll('.pkt[data-flow="'+f+'"][data-p="'+id+'"]').forEach(function(e){e.classList.add('sel');});}
        function activate(ev){var el=ev.target.closest('[data-flow]');if(!el)return;
          if(el.dataset.m!==undefined)showMessage(el.dataset.flow,el.dataset.m);else if(el.dataset.p!==undefined)showPacket(el.dataset.flow,el.dataset.p);}
        // A field's bytes and its table row share data-f within one dump: hovering either lights both, a click pins them.
        function field(ev){return ev.target.closest?ev.target.closest('#inspector .dump [data-f]'):null;}
        function mark(el,cls,on){el.closest('.dump').querySelectorAll('[data-f="'+el.dataset.f+'"]').forEach(function(x){x.classList.toggle(cls,on);});}
        function unfold(d){var r=d.querySelector('.rest');if(r&&r.hidden){r.hidden=false;var b=d.querySelector('button.more');if(b)b.remove();}}
        document.addEventListener('mouseover',function(ev){var el=field(ev);if(el)mark(el,'hl',true);});
        document.addEventListener('mouseout',function(ev){var el=field(ev);if(el)mark(el,'hl',false);});
        document.addEventListener('click',function(ev){var more=ev.target.closest&&ev.target.closest('#inspector button.more');
          if(more){unfold(more.closest('.dump'));return;}var el=field(ev);if(!el)return;var d=el.closest('.dump');
          var was=el.classList.contains('pin');d.querySelectorAll('.pin').forEach(function(x){x.classList.remove('pin');});
          if(!was){mark(el,'pin',true);var first=d.querySelector('.hex [data-f="'+el.dataset.f+'"]');
            if(first&&first.closest('.rest'))unfold(d);if(first&&el.tagName==='TR')first.scrollIntoView({block:'nearest'});}});
        document.addEventListener('click',activate);
        document.addEventListener('keydown',function(ev){if(ev.key==='Enter')activate(ev);});
      })();
      """;

  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + escape(title)
        + "</title>\n<style>" + CSS + "</style></head><body>\n" + body + "\n<script>" + SCRIPT + "</script>\n</body></html>\n";
  }
}
