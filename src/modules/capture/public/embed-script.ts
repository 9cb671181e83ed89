import { powBits } from '../spam.ts';
import { baseCss } from './html.ts';

/**
 * The script behind `<script src="…/f/:slug/embed.js">`: renders the form after the script tag (or enhances the
 * form already on a hosted or landing page), solves the proof of work when asked, posts with fetch as
 * urlencoded (a "simple" CORS request, no preflight) and shows the thank-you or the field errors inline.
 */
export function embedScript(o: { slug: string; formHtml: string; token: string; proofOfWork: boolean }): string {
  const css = baseCss
    .replace(/body\{[^}]*\}|main\{[^}]*\}/g, '')
    .replace('*{box-sizing:border-box}', '.tdm-form,.tdm-form *{box-sizing:border-box}');
  return `(function(){"use strict";
var slug=${JSON.stringify(o.slug)},html=${JSON.stringify(o.formHtml)},css=${JSON.stringify(css)},pow=${o.proofOfWork},bits=${powBits},token=${JSON.stringify(o.token)};
var me=document.currentScript;
var form=document.querySelector('form[data-tandem-form="'+slug+'"]');
if(!form){
  if(!document.getElementById("tdm-style")){var st=document.createElement("style");st.id="tdm-style";st.textContent=css;document.head.appendChild(st);}
  var box=document.createElement("div");box.innerHTML=html;form=box.firstElementChild;
  if(me&&me.parentNode)me.parentNode.insertBefore(box,me.nextSibling);else document.body.appendChild(box);
}else{var tk=form.querySelector('[name="_t"]');if(tk)tk.value=token;}
function visitor(){try{if(window.tandem&&window.tandem.visitorId)return window.tandem.visitorId;var m=document.cookie.match(/(?:^|; )tandem_visitor=([^;]+)/);if(m)return decodeURIComponent(m[1]);return localStorage.getItem("tandem_visitor")||"";}catch(e){return "";}}
function zeros(buf){var a=new Uint8Array(buf),n=0;for(var i=0;i<a.length;i++){if(a[i]===0){n+=8;continue;}var b=a[i];while(!(b&128)){n++;b<<=1;}break;}return n;}
async function solve(token){var enc=new TextEncoder();for(var i=0;;i++){var d=await crypto.subtle.digest("SHA-256",enc.encode(token+":"+i));if(zeros(d)>=bits)return String(i);}}
function clearErrors(){form.querySelectorAll(".tdm-error").forEach(function(e){e.remove();});form.querySelectorAll("[aria-invalid]").forEach(function(e){e.removeAttribute("aria-invalid");});}
function showErrors(list){list.forEach(function(f){var input=form.querySelector('[name="'+f.key+'"]');var d=document.createElement("div");d.className="tdm-error";d.setAttribute("role","alert");d.textContent=f.message;
  if(input){input.setAttribute("aria-invalid","true");(input.closest(".tdm-field")||form).appendChild(d);}else form.insertBefore(d,form.firstChild);});
  var first=form.querySelector("[aria-invalid]");if(first)first.focus();}
form.addEventListener("submit",async function(ev){ev.preventDefault();clearErrors();
  var btn=form.querySelector(".tdm-submit"),label=btn.textContent;btn.disabled=true;btn.setAttribute("aria-busy","true");
  try{var data=new URLSearchParams(new FormData(form));data.set("_format","json");
    if(!data.get("_page_url"))data.set("_page_url",location.href);if(document.referrer)data.set("_referrer",document.referrer);
    var v=visitor();if(v)data.set("tandem_visitor",v);
    if(pow){btn.textContent="Checking…";data.set("_pow",await solve(data.get("_t")));}
    btn.textContent="Sending…";
    var res=await fetch(form.action,{method:"POST",body:data,credentials:"omit"});var body=await res.json().catch(function(){return {};});
    if(res.ok){if(body.redirectUrl){location.href=body.redirectUrl;return;}
      var t=document.createElement("div");t.className="tdm-thanks";t.setAttribute("role","status");t.tabIndex=-1;t.textContent=body.message||"Thank you!";form.replaceWith(t);t.focus();return;}
    var fields=body.error&&body.error.details&&body.error.details.fields;
    showErrors(fields||[{key:"",message:(body.error&&body.error.message)||"Something went wrong; please try again."}]);
  }catch(e){showErrors([{key:"",message:"Could not send the form; check your connection and try again."}]);}
  btn.disabled=false;btn.removeAttribute("aria-busy");btn.textContent=label;});
})();`;
}
