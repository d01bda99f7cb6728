<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Agreement between annotators</source>
        <translation>الاتفاق بين المعلِّمين</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>جارٍ الحساب…</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>الجمل</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa (mean)</source>
        <translation>كابا كوهين (المتوسط)</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha [95%]</source>
        <translation>ألفا كريبندورف [95٪]</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>القراءة</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s reading guide: alpha 0.8 or more is reliable; 0.667 to 0.8 allows tentative conclusions; below that the labels are not reliable.</source>
        <translation>دليل كريبندورف للقراءة: ألفا 0.8 فأكثر موثوقة؛ ومن 0.667 إلى 0.8 تسمح باستنتاجات مبدئية؛ وما دون ذلك فالتصنيفات غير موثوقة.</translation>
    </message>
    <message>
        <source>The agreement could not be computed: {error}</source>
        <translation>تعذّر حساب الاتفاق: {error}</translation>
    </message>
    <message>
        <source>{units} sentences finished by two or more annotators ({names}).</source>
        <translation>{units} جملة أنهاها معلِّمان أو أكثر ({names}).</translation>
    </message>
    <message>
        <source>Whole label sets (MASI)</source>
        <translation>مجموعات التصنيفات كاملة (MASI)</translation>
    </message>
    <message>
        <source>Not defined (too few or identical judgements)</source>
        <translation>غير معرّفة (أحكام قليلة جدًا أو متطابقة)</translation>
    </message>
    <message>
        <source>Reliable</source>
        <translation>موثوقة</translation>
    </message>
    <message>
        <source>Tentative</source>
        <translation>مبدئية</translation>
    </message>
    <message>
        <source>Not reliable</source>
        <translation>غير موثوقة</translation>
    </message>
</context>
<context>
    <name>AnnotatorActions</name>
    <message>
        <source>Switch annotator</source>
        <translation>تبديل المُوسِّم</translation>
    </message>
    <message>
        <source>Labelling as {name}</source>
        <translation>التوسيم باسم {name}</translation>
    </message>
    <message>
        <source>This project is a package for {name}: every label in it is saved under that name.</source>
        <translation>هذا المشروع حزمة خاصة بـ {name}: كل توسيم فيه يُحفظ بهذا الاسم.</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <source>Themes: {names}.</source>
        <translation>الموضوعات: {names}.</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <source>Sentences done: {done} of {total}</source>
        <translation>الجمل المنجزة: {done} من {total}</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>الإنجاز</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>الموضوعات</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Remove article…</source>
        <translation>حذف المقال…</translation>
    </message>
    <message>
        <source>Search articles (Ctrl+F)</source>
        <translation>ابحث في المقالات (⁦Ctrl+F⁩)</translation>
    </message>
    <message>
        <source>Finds spelling variants: الاعمار finds الإعمار and والإعمار</source>
        <translation>يجد صيغ الكتابة المختلفة: البحث عن «الاعمار» يجد «الإعمار» و«والإعمار»</translation>
    </message>
    <message>
        <source>All</source>
        <translation>كل المقالات</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>لم تبدأ بعد</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>قيد الإنجاز</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <source>Show only the articles you have not started, are working on, or have finished</source>
        <translation>اعرض فقط المقالات التي لم تبدأها، أو التي تعمل عليها، أو التي أكملتها</translation>
    </message>
    <message>
        <source>Article list</source>
        <translation>قائمة المقالات</translation>
    </message>
    <message>
        <source>Search, filter and choose the article to read</source>
        <translation>ابحث في المقالات وصفِّها واختر المقال الذي تقرؤه</translation>
    </message>
    <message>
        <source>Search articles</source>
        <translation>البحث في المقالات</translation>
    </message>
    <message>
        <source>Show articles</source>
        <translation>عرض المقالات</translation>
    </message>
    <message>
        <source>Order of the articles</source>
        <translation>ترتيب المقالات</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <source>Up and Down open the article they reach, Enter returns to the text, Tab moves on to the theme panel</source>
        <translation>السهمان لأعلى ولأسفل يفتحان المقال الذي يصلان إليه، وEnter يعود إلى النص، وTab ينتقل إلى لوحة الموضوعات</translation>
    </message>
    <message>
        <source>How many articles are listed</source>
        <translation>عدد المقالات المعروضة</translation>
    </message>
    <message>
        <source>Import order</source>
        <translation>ترتيب الاستيراد</translation>
    </message>
    <message>
        <source>Most uncertain first</source>
        <translation>الأقل يقينًا أولًا</translation>
    </message>
    <message>
        <source>Most uncertain first: articles whose suggestions are least sure come first</source>
        <translation>الأقل يقينًا أولًا: تأتي أولًا المقالات التي تكون الاقتراحات فيها أقل ثقة</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) match</source>
        <translation>
            <numerusform>لا توجد مقالات مطابقة</numerusform>
            <numerusform>مقال واحد مطابق</numerusform>
            <numerusform>مقالان مطابقان</numerusform>
            <numerusform>%n مقالات مطابقة</numerusform>
            <numerusform>%n مقالًا مطابقًا</numerusform>
            <numerusform>%n مقال مطابق</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) in the project</source>
        <translation>
            <numerusform>لا توجد مقالات في المشروع</numerusform>
            <numerusform>مقال واحد في المشروع</numerusform>
            <numerusform>مقالان في المشروع</numerusform>
            <numerusform>%n مقالات في المشروع</numerusform>
            <numerusform>%n مقالًا في المشروع</numerusform>
            <numerusform>%n مقال في المشروع</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to search for: type letters or digits</source>
        <translation>لا شيء للبحث عنه: اكتب حروفًا أو أرقامًا</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to team server</source>
        <translation>الاتصال بخادم الفريق</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>عنوان الخادم:</translation>
    </message>
    <message>
        <source>Your login name:</source>
        <translation>اسم الدخول:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>كلمة المرور:</translation>
    </message>
    <message>
        <source>The password is kept in your password file or the system keyring, never in the project.</source>
        <translation>تُحفظ كلمة المرور في ملف كلمات المرور أو في سلسلة مفاتيح النظام، ولا تُحفظ في المشروع أبدًا.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
        <source>Connected as {login}. Your work syncs every 30 seconds.</source>
        <translation>تم الاتصال باسم {login}. يُزامَن عملك كل 30 ثانية.</translation>
    </message>
    <message>
        <source>Password kept in {place}.</source>
        <translation>حُفظت كلمة المرور في {place}.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export dataset</source>
        <translation>تصدير مجموعة البيانات</translation>
    </message>
    <message>
        <source>JSON Lines (.jsonl)</source>
        <translation>‪JSON Lines (.jsonl)‬</translation>
    </message>
    <message>
        <source>CSV for spreadsheets (.csv)</source>
        <translation>CSV لجداول البيانات (⁦.csv⁩)</translation>
    </message>
    <message>
        <source>Parquet (.parquet)</source>
        <translation>‪Parquet (.parquet)‬</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>الوسوم:</translation>
    </message>
    <message>
        <source>Only sentences marked done</source>
        <translation>الجمل المنجزة فقط</translation>
    </message>
    <message>
        <source>With the suggested themes and their scores</source>
        <translation>مع الموضوعات المقترحة ودرجاتها</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>التقسيم:</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>الحفظ في:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Majority of annotators (a tie leaves the theme out)</source>
        <translation>أغلبية المُوسِّمين (التعادل يُسقط الموضوع)</translation>
    </message>
    <message>
        <source>Every annotator agrees</source>
        <translation>اتفاق جميع المُوسِّمين</translation>
    </message>
    <message>
        <source>Any annotator</source>
        <translation>أي مُوسِّم</translation>
    </message>
    <message>
        <source>A lead&apos;s decision where reviewed, else the majority</source>
        <translation>قرار المشرف حيث رُوجعت، وإلا فرأي الأغلبية</translation>
    </message>
    <message>
        <source>Only {name}</source>
        <translation>{name} فقط</translation>
    </message>
    <message>
        <source>Whole articles into</source>
        <translation>تقسيم المقالات كاملةً إلى</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>البذرة </translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Folder for the splits</source>
        <translation>مجلد الأقسام</translation>
    </message>
    <message>
        <source>Save the dataset as</source>
        <translation>حفظ مجموعة البيانات باسم</translation>
    </message>
    <message>
        <source>Choose where to save the dataset.</source>
        <translation>اختر مكان حفظ مجموعة البيانات.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>Stopping; no file will be left behind…</source>
        <translation>جارٍ الإيقاف؛ لن يبقى أي ملف ناقص…</translation>
    </message>
    <message>
        <source>Export cancelled. Nothing was written.</source>
        <translation>أُلغي التصدير، ولم يُكتب أي شيء.</translation>
    </message>
    <message>
        <source>The export failed; nothing was written.
{error}</source>
        <translation>فشل التصدير، ولم يُكتب أي شيء.
{error}</translation>
    </message>
    <message>
        <source>Exported {records} records in {seconds:.1f} s to {place}.</source>
        <translation>تم تصدير {records} من السجلات خلال {seconds:.1f} ثانية إلى ⁦{place}⁩.</translation>
    </message>
    <message>
        <source>Splits: {splits}; worst theme balance gap {gap:.1%}.</source>
        <translation>الأقسام: {splits}؛ أكبر فرق في توازن الموضوعات {gap:.1%}.</translation>
    </message>
    <message>
        <source>Dataset card: {card}</source>
        <translation>بطاقة مجموعة البيانات: ⁦{card}⁩</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>GuidelinesEditor</name>
    <message>
        <source>Project guidelines</source>
        <translation>إرشادات المشروع</translation>
    </message>
    <message>
        <source>Written in Markdown: # a heading, **bold**, *italic*, - a list item, a blank line between paragraphs. Annotators see it beside the text (F2).</source>
        <translation>تُكتب بصيغة Markdown: ‏# عنوان، و**عريض**، و*مائل*، و- عنصر في قائمة، وسطر فارغ بين الفقرات. يراها المُوسِّمون بجانب النص (F2).</translation>
    </message>
</context>
<context>
    <name>GuidelinesPane</name>
    <message>
        <source>Edit…</source>
        <translation>تحرير…</translation>
    </message>
    <message>
        <source>These guidelines come from your lead: they cannot be changed here.</source>
        <translation>هذه الإرشادات من المشرف: لا يمكن تغييرها هنا.</translation>
    </message>
    <message>
        <source>Guidelines</source>
        <translation>الإرشادات</translation>
    </message>
    <message>
        <source>Shown and hidden with F2</source>
        <translation>تظهر وتختفي بالمفتاح F2</translation>
    </message>
    <message>
        <source>What each theme means, then the project&apos;s guidelines</source>
        <translation>معنى كل موضوع، ثم إرشادات المشروع</translation>
    </message>
    <message>
        <source>Edit the guidelines</source>
        <translation>تحرير الإرشادات</translation>
    </message>
    <message>
        <source>Why the guidelines cannot be edited</source>
        <translation>سبب تعذّر تحرير الإرشادات</translation>
    </message>
    <message>
        <source>Write the project&apos;s guidelines</source>
        <translation>كتابة إرشادات المشروع</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>الموضوعات</translation>
    </message>
    <message>
        <source>Project guidelines</source>
        <translation>إرشادات المشروع</translation>
    </message>
    <message>
        <source>No guidelines have been written for this project yet.</source>
        <translation>لم تُكتب إرشادات لهذا المشروع بعد.</translation>
    </message>
    <message>
        <source>key {digit}</source>
        <translation>المفتاح {digit}</translation>
    </message>
</context>
<context>
    <name>HandOutDialog</name>
    <message>
        <source>Hand out work</source>
        <translation>توزيع العمل</translation>
    </message>
    <message>
        <source>names, separated by commas</source>
        <translation>الأسماء، مفصولة بفواصل</translation>
    </message>
    <message>
        <source>Articles nobody has started</source>
        <translation>المقالات التي لم يبدأها أحد</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>كل المقالات</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation>المعلِّمون:</translation>
    </message>
    <message>
        <source>Share given to several:</source>
        <translation>النسبة المعطاة لأكثر من معلِّم:</translation>
    </message>
    <message>
        <source>Annotators per shared article:</source>
        <translation>عدد المعلِّمين لكل مقال مشترك:</translation>
    </message>
    <message>
        <source>Which articles:</source>
        <translation>أي المقالات:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>البذرة:</translation>
    </message>
    <message>
        <source>Write packages to:</source>
        <translation>كتابة الحزم في:</translation>
    </message>
    <message>
        <source>Folder for the packages</source>
        <translation>مجلد الحزم</translation>
    </message>
    <message>
        <source>Choose a folder for the packages.</source>
        <translation>اختر مجلدًا للحزم.</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Reading the files…</source>
        <translation>جارٍ قراءة الملفات…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>الاستيراد</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>سيتوقف الاستيراد بعد الملف الحالي…</translation>
    </message>
    <message>
        <source>Files imported: {done} of {total}
Last: {name}</source>
        <translation>الملفات المستوردة: {done} من {total}
آخرها: ⁦{name}⁩</translation>
    </message>
</context>
<context>
    <name>ImportReportBox</name>
    <message>
        <source>Import</source>
        <translation>الاستيراد</translation>
    </message>
    <message>
        <source>The import could not run. Nothing was imported.</source>
        <translation>تعذّر تشغيل الاستيراد، ولم يُستورد أي شيء.</translation>
    </message>
    <message>
        <source>Imported {articles} ({sentences}) from {files}.</source>
        <translation>تم استيراد {articles} ({sentences}) من {files}.</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n مقال</numerusform>
            <numerusform>مقال واحد</numerusform>
            <numerusform>مقالين</numerusform>
            <numerusform>%n مقالات</numerusform>
            <numerusform>%n مقالًا</numerusform>
            <numerusform>%n مقال</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sentence(s)</source>
        <translation>
            <numerusform>%n جملة</numerusform>
            <numerusform>جملة واحدة</numerusform>
            <numerusform>جملتان</numerusform>
            <numerusform>%n جمل</numerusform>
            <numerusform>%n جملة</numerusform>
            <numerusform>%n جملة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n ملف</numerusform>
            <numerusform>ملف واحد</numerusform>
            <numerusform>ملفين</numerusform>
            <numerusform>%n ملفات</numerusform>
            <numerusform>%n ملفًا</numerusform>
            <numerusform>%n ملف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) already in the project were left out.</source>
        <translation>
            <numerusform>لم يُترك أي مقال.</numerusform>
            <numerusform>تُرك مقال واحد لأنه موجود في المشروع من قبل.</numerusform>
            <numerusform>تُرك مقالان لأنهما موجودان في المشروع من قبل.</numerusform>
            <numerusform>تُركت %n مقالات لأنها موجودة في المشروع من قبل.</numerusform>
            <numerusform>تُرك %n مقالًا لأنها موجودة في المشروع من قبل.</numerusform>
            <numerusform>تُرك %n مقال لأنها موجودة في المشروع من قبل.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import stopped because the project could not take more: {reason} The files counted above are imported whole; the others were not.</source>
        <translation>توقف الاستيراد لأن المشروع لم يعد يقبل المزيد: {reason} الملفات المحسوبة أعلاه مستوردة كاملة، ولم يُستورد الباقي.</translation>
    </message>
    <message>
        <source>The import was cancelled. The files imported before it stopped are kept whole; the others were not imported.</source>
        <translation>أُلغي الاستيراد. الملفات التي استُوردت قبل توقفه محفوظة كاملة، أما بقية الملفات فلم تُستورد.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be imported:</source>
        <translation>
            <numerusform>لم يتعذّر استيراد أي ملف:</numerusform>
            <numerusform>تعذّر استيراد ملف واحد:</numerusform>
            <numerusform>تعذّر استيراد ملفين:</numerusform>
            <numerusform>تعذّر استيراد %n ملفات:</numerusform>
            <numerusform>تعذّر استيراد %n ملفًا:</numerusform>
            <numerusform>تعذّر استيراد %n ملف:</numerusform>
        </translation>
    </message>
    <message>
        <source>• {name}: {reason}</source>
        <translation>‏• {name}: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (see the details).</source>
        <translation>
            <numerusform>… (انظر التفاصيل).</numerusform>
            <numerusform>… وملف آخر (انظر التفاصيل).</numerusform>
            <numerusform>… وملفان آخران (انظر التفاصيل).</numerusform>
            <numerusform>… و%n ملفات أخرى (انظر التفاصيل).</numerusform>
            <numerusform>… و%n ملفًا آخر (انظر التفاصيل).</numerusform>
            <numerusform>… و%n ملف آخر (انظر التفاصيل).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) in the folders were left out: links that lead outside the folder or nowhere are never followed.</source>
        <translation>
            <numerusform>لم يُترك أي عنصر في المجلدات: لا تُتبع أبدًا الروابط التي تقود خارج المجلد أو لا تقود إلى شيء.</numerusform>
            <numerusform>تُرك عنصر واحد في المجلدات: لا تُتبع أبدًا الروابط التي تقود خارج المجلد أو لا تقود إلى شيء.</numerusform>
            <numerusform>تُرك عنصران في المجلدات: لا تُتبع أبدًا الروابط التي تقود خارج المجلد أو لا تقود إلى شيء.</numerusform>
            <numerusform>تُركت %n عناصر في المجلدات: لا تُتبع أبدًا الروابط التي تقود خارج المجلد أو لا تقود إلى شيء.</numerusform>
            <numerusform>تُرك %n عنصرًا في المجلدات: لا تُتبع أبدًا الروابط التي تقود خارج المجلد أو لا تقود إلى شيء.</numerusform>
            <numerusform>تُرك %n عنصر في المجلدات: لا تُتبع أبدًا الروابط التي تقود خارج المجلد أو لا تقود إلى شيء.</numerusform>
        </translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>لا يوجد ملف أو مجلد بهذا الاسم</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>الملف فارغ</translation>
    </message>
    <message>
        <source>no article text found</source>
        <translation>لم يُعثر على نص مقال</translation>
    </message>
    <message>
        <source>not a text file</source>
        <translation>ليس ملفًا نصيًا</translation>
    </message>
    <message>
        <source>unknown text encoding</source>
        <translation>ترميز النص غير معروف</translation>
    </message>
    <message>
        <source>unsupported file type</source>
        <translation>نوع الملف غير مدعوم</translation>
    </message>
    <message>
        <source>the file is too large</source>
        <translation>الملف كبير جدًا</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>تتعذّر قراءة الملف</translation>
    </message>
    <message>
        <source>the text could not be split into sentences</source>
        <translation>تعذّر تقسيم النص إلى جمل</translation>
    </message>
    <message>
        <source>the project could not store it</source>
        <translation>تعذّر حفظه في المشروع</translation>
    </message>
    <message>
        <source>no records found</source>
        <translation>لا توجد سجلات</translation>
    </message>
    <message>
        <source>no Arabic text</source>
        <translation>لا يوجد نص عربي</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>ليس ملفًا عاديًا</translation>
    </message>
    <message>
        <source>nested too deeply to read</source>
        <translation>متداخل بعمق لا يمكن قراءته</translation>
    </message>
    <message>
        <source>not a valid CSV file</source>
        <translation>ليس ملف CSV صالحًا</translation>
    </message>
    <message>
        <source>not a valid JSON file</source>
        <translation>ليس ملف JSON صالحًا</translation>
    </message>
    <message>
        <source>not a TREC-style news file</source>
        <translation>ليس ملف أخبار بصيغة TREC</translation>
    </message>
    <message>
        <source>a record has no text field</source>
        <translation>في أحد السجلات لا يوجد حقل نص</translation>
    </message>
    <message>
        <source>a link that leads nowhere</source>
        <translation>رابط لا يؤدي إلى شيء</translation>
    </message>
    <message>
        <source>a link that leads outside the folder</source>
        <translation>رابط يؤدي إلى خارج المجلد</translation>
    </message>
</context>
<context>
    <name>LearningCurveChart</name>
    <message>
        <source>keywords alone {value}</source>
        <translation>الكلمات المفتاحية وحدها {value}</translation>
    </message>
    <message>
        <source>labelled sentences trained on</source>
        <translation>عدد الجمل الموسومة التي تعلّم منها النموذج</translation>
    </message>
    <message>
        <source>macro-F1</source>
        <translation>متوسط F1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Damaged project: changes are not saved</source>
        <translation>المشروع تالف: التغييرات لا تُحفظ</translation>
    </message>
    <message>
        <source>Last sentence of this article. Press ↓ again to open the next article.</source>
        <translation>هذه آخر جملة في المقال. اضغط ↓ مرة أخرى لفتح المقال التالي.</translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>المُوسِّم:</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>الجملة</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>الملاحظة</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>آخر تعديل</translation>
    </message>
    <message>
        <source>Double-click a note, or press Enter, to go to its sentence.</source>
        <translation>انقر نقرًا مزدوجًا على ملاحظة، أو اضغط Enter، للانتقال إلى جملتها.</translation>
    </message>
    <message>
        <source>All annotators</source>
        <translation>كل المُوسِّمين</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>لا توجد ملاحظات</numerusform>
            <numerusform>ملاحظة واحدة</numerusform>
            <numerusform>ملاحظتان</numerusform>
            <numerusform>%n ملاحظات</numerusform>
            <numerusform>%n ملاحظة</numerusform>
            <numerusform>%n ملاحظة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaneActions</name>
    <message>
        <source>Guidelines (F2)</source>
        <translation>الإرشادات (F2)</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Team progress</source>
        <translation>تقدّم الفريق</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المعلِّم</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <source>Sentences done</source>
        <translation>الجمل المنجزة</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>المؤجَّلة</translation>
    </message>
    <message>
        <source>Last work</source>
        <translation>آخر عمل</translation>
    </message>
    <message>
        <source>Last merged</source>
        <translation>آخر دمج</translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>Annotator projects (*{suffix});;All files (*)</source>
        <translation>مشاريع Annotator (*{suffix});;كل الملفات (*)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <source>Annotator projects (*{suffix})</source>
        <translation>مشاريع Annotator (*{suffix})</translation>
    </message>
    <message>
        <source>{name} already exists. Choose another name for the new project, or open this one with File → Open project.</source>
        <translation>الملف ⁦{name}⁩ موجود من قبل. اختر اسمًا آخر للمشروع الجديد، أو افتح هذا المشروع من «ملف ← فتح مشروع».</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>تم فتح ⁦{name}⁩</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <source>Articles ({patterns});;All files (*)</source>
        <translation>المقالات ({patterns});;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
    <message>
        <source>Interface language: {name}</source>
        <translation>لغة الواجهة: {name}</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>مجلد</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>قرص</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>ا&amp;بحث في:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;نوع الملفات:</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Article text</source>
        <translation>نص المقال</translation>
    </message>
    <message>
        <source>The article, the current sentence highlighted. 1 to 9 toggle its themes, 0 marks it done with none, Space marks it done and moves on, S skips it, Up and Down move, Tab goes to the next sentence not done, F6 to the theme panel.</source>
        <translation>المقال، والجملة الحالية مظلَّلة. الأرقام من 1 إلى 9 تضيف موضوعاتها أو تزيلها، و0 ينجزها بلا موضوع، والمسافة تنجزها وتنتقل إلى التالية، وس يتخطاها، والسهمان لأعلى ولأسفل يتنقلان بين الجمل، وTab ينتقل إلى الجملة التالية غير المنجزة، وF6 إلى لوحة الموضوعات.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>ملاحظة: {note}</translation>
    </message>
</context>
<context>
    <name>RemovalActions</name>
    <message>
        <source>No article to remove</source>
        <translation>لا يوجد مقال لحذفه</translation>
    </message>
    <message>
        <source>Removed “{title}”. Undo (Ctrl+Z) puts it back.</source>
        <translation>حُذف «{title}». التراجع (⁦Ctrl+Z⁩) يعيده.</translation>
    </message>
    <message>
        <source>Remove article</source>
        <translation>حذف مقال</translation>
    </message>
    <message>
        <source>Remove “{title}” from the project?</source>
        <translation>أتريد حذف «{title}» من المشروع؟</translation>
    </message>
    <message>
        <source>It is removed for everyone, with its sentences ({units}) and the labels ({labels}) that {names} gave them. The project&apos;s event log keeps all of it.</source>
        <translation>سيُحذف عند الجميع مع جمله (عددها {units}) والتصنيفات (عددها {labels}) التي أعطاها إياها: {names}. ويحتفظ سجل أحداث المشروع بكل ذلك.</translation>
    </message>
    <message>
        <source>It is removed for everyone, with its sentences ({units}); no one has labelled it yet.</source>
        <translation>سيُحذف عند الجميع مع جمله (عددها {units})؛ ولم يصنّفه أحد بعد.</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z) puts it back.</source>
        <translation>التراجع (⁦Ctrl+Z⁩) يعيده.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>ReviewChoiceDialog</name>
    <message>
        <source>Review disagreements</source>
        <translation>مراجعة الاختلافات</translation>
    </message>
    <message>
        <source>Every theme</source>
        <translation>كل المواضيع</translation>
    </message>
    <message>
        <source>Every annotator</source>
        <translation>كل المعلِّمين</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>حول:</translation>
    </message>
    <message>
        <source>Between:</source>
        <translation>بين:</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Review disagreements</source>
        <translation>مراجعة الاختلافات</translation>
    </message>
    <message>
        <source>Digits: toggle a theme of the decision · 0: no theme · Enter: the majority, then the next · ↓ ↑: next / previous · Ctrl+Z: undo</source>
        <translation>الأرقام: إضافة موضوع إلى القرار أو حذفه · ‎0‎: بلا موضوع · Enter: رأي الأغلبية ثم التالي · ↓ ↑: التالي / السابق · Ctrl+Z: تراجع</translation>
    </message>
    <message>
        <source>No disagreements: the annotators agree everywhere.</source>
        <translation>لا اختلافات: المعلِّمون متفقون في كل مكان.</translation>
    </message>
    <message>
        <source>Disagreement {n} of {total} · decided: {decided}</source>
        <translation>الاختلاف {n} من {total} · تم البتّ: {decided}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Majority&lt;/b&gt;: {themes}</source>
        <translation>&lt;b&gt;الأغلبية&lt;/b&gt;: {themes}</translation>
    </message>
    <message>
        <source>not decided yet</source>
        <translation>لم يُبتّ بعد</translation>
    </message>
    <message>
        <source>&lt;b&gt;Decision&lt;/b&gt;: {themes}</source>
        <translation>&lt;b&gt;القرار&lt;/b&gt;: {themes}</translation>
    </message>
    <message>
        <source>no theme</source>
        <translation>بلا موضوع</translation>
    </message>
</context>
<context>
    <name>SearchHitActions</name>
    <message>
        <source>Nothing searched: Ctrl+F searches the articles</source>
        <translation>لا بحث بعد: ⁦Ctrl+F⁩ للبحث في المقالات</translation>
    </message>
    <message>
        <source>The search&apos;s words are not in this article</source>
        <translation>كلمات البحث ليست في هذا المقال</translation>
    </message>
    <message>
        <source>Match {number} of {total} in this article</source>
        <translation>الموضع {number} من {total} في هذا المقال</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Labels are saved the moment you make them. Keys work the same with an Arabic keyboard layout.</source>
        <translation>تُحفظ الوسوم لحظة وضعها. وتعمل المفاتيح نفسها مع تخطيط لوحة المفاتيح العربي.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Annotator: {name}</source>
        <translation>المُوسِّم: {name}</translation>
    </message>
    <message>
        <source>Your labels are saved under this name (File → Switch annotator… changes it)</source>
        <translation>تُحفظ توسيماتك بهذا الاسم (ملف ← تبديل المُوسِّم… لتغييره)</translation>
    </message>
    <message>
        <source>This article: {done} of {total}</source>
        <translation>هذا المقال: {done} من {total}</translation>
    </message>
    <message>
        <source>Sentences you have finished in this article</source>
        <translation>الجمل التي أنجزتها في هذا المقال</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>شريط الحالة</translation>
    </message>
    <message>
        <source>Who is labelling, progress and the project file</source>
        <translation>من يوسِّم، والتقدّم، وملف المشروع</translation>
    </message>
    <message>
        <source>Project file: {path}</source>
        <translation>ملف المشروع: ⁦{path}⁩</translation>
    </message>
    <message>
        <source>All articles: {done} of {total} ({share})</source>
        <translation>كل المقالات: {done} من {total} ({share})</translation>
    </message>
    <message>
        <source>Sentences you have finished in the whole project</source>
        <translation>الجمل التي أنجزتها في المشروع كله</translation>
    </message>
</context>
<context>
    <name>SuggestionActions</name>
    <message>
        <source>Suggestions shown</source>
        <translation>الاقتراحات ظاهرة</translation>
    </message>
    <message>
        <source>Suggestions hidden</source>
        <translation>الاقتراحات مخفية</translation>
    </message>
    <message>
        <source>No sentence left here; the other articles are being ordered, try again</source>
        <translation>لم تبقَ جملة هنا؛ يجري ترتيب المقالات الأخرى، حاول مرة أخرى بعد قليل</translation>
    </message>
    <message>
        <source>No sentence with a suggestion is left to do</source>
        <translation>لم تبقَ جملة ذات اقتراح تحتاج إلى وسم</translation>
    </message>
</context>
<context>
    <name>SuggestionController</name>
    <message>
        <source>Retraining the suggestions…</source>
        <translation>إعادة تدريب الاقتراحات…</translation>
    </message>
    <message>
        <source>Suggestions stopped: their process ended unexpectedly</source>
        <translation>توقفت الاقتراحات: انتهت عمليتها على نحو غير متوقع</translation>
    </message>
    <message>
        <source>Training the suggestions on the project&apos;s labels…</source>
        <translation>تدريب الاقتراحات على وسوم المشروع…</translation>
    </message>
    <message>
        <source>Suggestions ready for all {count} sentences</source>
        <translation>الاقتراحات جاهزة لجميع الجمل ({count})</translation>
    </message>
    <message>
        <source>Suggestions: {problem}</source>
        <translation>الاقتراحات: {problem}</translation>
    </message>
    <message>
        <source>Suggestions trained on {count} labelled sentences</source>
        <translation>دُرّبت الاقتراحات على {count} جملة موسومة</translation>
    </message>
</context>
<context>
    <name>SuggestionQualityDialog</name>
    <message>
        <source>Suggestion quality</source>
        <translation>جودة الاقتراحات</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>الاستدعاء</translation>
    </message>
    <message>
        <source>F1 score</source>
        <translation>مقياس F1</translation>
    </message>
    <message>
        <source>Keywords alone (F1)</source>
        <translation>الكلمات المفتاحية وحدها (F1)</translation>
    </message>
    <message>
        <source>Labelled with it</source>
        <translation>جمل موسومة به</translation>
    </message>
    <message>
        <source>Measuring the suggestions on the project&apos;s labels (cross-validation by article)…</source>
        <translation>قياس الاقتراحات على وسوم المشروع (تحقق متقاطع حسب المقال)…</translation>
    </message>
    <message>
        <source>No model has been trained yet: suggestions come from the themes&apos; keywords.</source>
        <translation>لم يُدرَّب أي نموذج بعد: تأتي الاقتراحات من الكلمات المفتاحية للموضوعات.</translation>
    </message>
    <message>
        <source>The model learned from {count} labelled sentences of {articles} articles ({date}).</source>
        <translation>تعلّم النموذج من {count} جملة موسومة في {articles} مقالًا ({date}).</translation>
    </message>
    <message>
        <source>Themes added since: {themes} (suggested from their keywords until it is trained again).</source>
        <translation>موضوعات أضيفت بعد ذلك: {themes} (تُقترح من كلماتها المفتاحية حتى يُعاد التدريب).</translation>
    </message>
    <message>
        <source>The suggestions could not be measured: {error}</source>
        <translation>تعذّر قياس الاقتراحات: {error}</translation>
    </message>
    <message>
        <source>{count} labelled sentences in {articles} articles, {folds}-fold cross-validation by article.</source>
        <translation>{count} جملة موسومة في {articles} مقالًا، تحقق متقاطع من {folds} أجزاء حسب المقال.</translation>
    </message>
    <message>
        <source>{count} labelled sentences in {articles} articles.</source>
        <translation>{count} جملة موسومة في {articles} مقالًا.</translation>
    </message>
    <message>
        <source>Macro-F1 {model} (keywords alone {keywords})</source>
        <translation>متوسط F1 ‏{model} (الكلمات المفتاحية وحدها {keywords})</translation>
    </message>
    <message>
        <source>No sentence is labelled yet: suggestions come from the themes&apos; keywords alone. Label sentences (or accept suggestions) and their quality can be measured.</source>
        <translation>لم تُوسم أي جملة بعد: تأتي الاقتراحات من الكلمات المفتاحية للموضوعات وحدها. ضع وسومًا على الجمل (أو اقبل الاقتراحات) ليصبح قياس جودتها ممكنًا.</translation>
    </message>
    <message>
        <source>Only one article is labelled: at least two are needed, since the sentences of one article are never used both to train and to test.</source>
        <translation>وُسم مقال واحد فقط: يلزم مقالان على الأقل، لأن جمل المقال الواحد لا تُستعمل أبدًا للتدريب والاختبار معًا.</translation>
    </message>
    <message>
        <source>Not measured, no labelled sentence has them yet: {themes}. Until labels show what they mean they are suggested from their keywords alone.</source>
        <translation>لم تُقَس، إذ لا توجد بعد جملة موسومة بها: {themes}. وإلى أن تُبيّن الوسوم معناها تُقترح من كلماتها المفتاحية وحدها.</translation>
    </message>
    <message>
        <source>{count} sentences carry contradicting labels (annotators disagree, or the same text was labelled differently). All are learned from: the model scores such sentences in between, and its figures count them as errors either way.</source>
        <translation>تحمل {count} جملة وسومًا متعارضة (اختلف الواسمون، أو وُسم النص نفسه بطرق مختلفة). يتعلّم النموذج منها جميعًا: فيعطي هذه الجمل درجات بين الطرفين، وتُحسب أخطاءً في أرقامه في الحالتين.</translation>
    </message>
</context>
<context>
    <name>SwitchAnnotatorDialog</name>
    <message>
        <source>Switch annotator</source>
        <translation>تبديل المُوسِّم</translation>
    </message>
    <message>
        <source>Labels are saved under the name chosen here, from now on and at the next start. Choose a name from the list or type a new one.</source>
        <translation>تُحفظ التوسيمات بالاسم المختار هنا، من الآن وفي التشغيل القادم. اختر اسمًا من القائمة أو اكتب اسمًا جديدًا.</translation>
    </message>
    <message>
        <source>Type a name: an empty name cannot be used.</source>
        <translation>اكتب اسمًا: لا يمكن استخدام اسم فارغ.</translation>
    </message>
    <message>
        <source>A name can have at most {count} characters.</source>
        <translation>يمكن أن يتكون الاسم من {count} حرفًا على الأكثر.</translation>
    </message>
    <message>
        <source>A name cannot hold line breaks, tabs, control characters or direction marks.</source>
        <translation>لا يمكن أن يحتوي الاسم على فواصل أسطر أو علامات جدولة أو محارف تحكم أو علامات اتجاه.</translation>
    </message>
</context>
<context>
    <name>TeamActions</name>
    <message>
        <source>{count} packages written to {folder}</source>
        <translation>كُتبت {count} حزمة في {folder}</translation>
    </message>
    <message>
        <source>Merge returned work</source>
        <translation>دمج العمل المُعاد</translation>
    </message>
    <message>
        <source>Annotator projects (*{suffix})</source>
        <translation>مشاريع Annotator (*{suffix})</translation>
    </message>
    <message>
        <source>Merging {count} package(s)…</source>
        <translation>جارٍ دمج {count} حزمة…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>الدمج</translation>
    </message>
    <message>
        <source>Merged {ok} of {total} package(s).</source>
        <translation>دُمجت {ok} من {total} حزمة.</translation>
    </message>
    <message>
        <source>{name}: not merged: {reason}</source>
        <translation>{name}: لم تُدمج: {reason}</translation>
    </message>
    <message>
        <source>{name}: {added} added, {updated} updated, {unchanged} unchanged</source>
        <translation>{name}: أُضيف {added}، وحُدّث {updated}، ولم يتغير {unchanged}</translation>
    </message>
</context>
<context>
    <name>TeamServerSync</name>
    <message>
        <source>Offline since {time}</source>
        <translation>غير متصل منذ {time}</translation>
    </message>
    <message>
        <source>{count} changes waiting</source>
        <translation>تغييرات بانتظار الإرسال: {count}</translation>
    </message>
    <message>
        <source>Synced {time}</source>
        <translation>تمت المزامنة {time}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>لم تتم المزامنة بعد</translation>
    </message>
    <message>
        <source>Team server: {address}</source>
        <translation>خادم الفريق: {address}</translation>
    </message>
</context>
<context>
    <name>ThemeEditor</name>
    <message>
        <source>Themes</source>
        <translation>الموضوعات</translation>
    </message>
    <message>
        <source>New theme</source>
        <translation>موضوع جديد</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>حفظ التغييرات</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>نقل لأعلى</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>نقل لأسفل</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>(retired)</source>
        <translation>(موقوف)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <source>Theme not changed</source>
        <translation>لم يُغيَّر الموضوع</translation>
    </message>
    <message>
        <source>A theme needs both an Arabic and an English name.</source>
        <translation>يحتاج الموضوع إلى اسم عربي واسم إنجليزي.</translation>
    </message>
    <message>
        <source>The shortcut {digit} is already used by “{name}”.</source>
        <translation>الاختصار {digit} مستخدم من قبل للموضوع «{name}».</translation>
    </message>
    <message>
        <source>A keyword cannot be used: {reason}</source>
        <translation>تعذّر استعمال كلمة مفتاحية: {reason}</translation>
    </message>
</context>
<context>
    <name>ThemeForm</name>
    <message>
        <source>none</source>
        <translation>بلا</translation>
    </message>
    <message>
        <source>Arabic name</source>
        <translation>الاسم العربي</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>الاسم الإنجليزي</translation>
    </message>
    <message>
        <source>Arabic definition</source>
        <translation>التعريف بالعربية</translation>
    </message>
    <message>
        <source>English definition</source>
        <translation>التعريف بالإنجليزية</translation>
    </message>
    <message>
        <source>Keywords for suggestions</source>
        <translation>كلمات مفتاحية للاقتراحات</translation>
    </message>
    <message>
        <source>Shortcut digit</source>
        <translation>رقم الاختصار</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <source>Words and phrases that suggest this theme, one a line or separated by commas. Spelling variants and the prefixes و ف ب ل ك ال are matched; a term ending in * matches any ending.</source>
        <translation>كلمات وعبارات توحي بهذا الموضوع، كل واحدة في سطر أو مفصولة بفواصل. تُطابَق أشكال الكتابة المختلفة والسوابق و ف ب ل ك ال؛ والمصطلح المنتهي بـ * يطابق أي نهاية.</translation>
    </message>
    <message>
        <source>Theme colour</source>
        <translation>لون الموضوع</translation>
    </message>
</context>
<context>
    <name>ThemePanel</name>
    <message>
        <source>Themes of this sentence</source>
        <translation>موضوعات هذه الجملة</translation>
    </message>
    <message>
        <source>Theme panel</source>
        <translation>لوحة الموضوعات</translation>
    </message>
    <message>
        <source>The current sentence&apos;s themes: Tab moves between them, Space toggles one, Esc returns to the text</source>
        <translation>موضوعات الجملة الحالية: Tab ينتقل بينها، والمسافة تضيف الموضوع أو تزيله، وEsc يعود إلى النص</translation>
    </message>
    <message>
        <source>One button per theme, checked when given</source>
        <translation>زر لكل موضوع، مؤشَّر عليه إذا أُعطي للجملة</translation>
    </message>
    <message>
        <source>The current sentence and its status</source>
        <translation>الجملة الحالية وحالتها</translation>
    </message>
    <message>
        <source>No theme (done)</source>
        <translation>بلا موضوع (إنجاز)</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>تخطٍّ مؤقت</translation>
    </message>
    <message>
        <source>The note field follows</source>
        <translation>يليه حقل الملاحظة</translation>
    </message>
    <message>
        <source>0  No theme (done)</source>
        <translation>0  بلا موضوع (إنجاز)</translation>
    </message>
    <message>
        <source>Mark the sentence done with no theme, clearing its themes</source>
        <translation>اعتبار الجملة منجزة بلا موضوع، مع إزالة موضوعاتها</translation>
    </message>
    <message>
        <source>S  Skip for now</source>
        <translation>س  تخطٍّ مؤقت</translation>
    </message>
    <message>
        <source>Leave this sentence for later; it does not count as done</source>
        <translation>ترك هذه الجملة لوقت لاحق؛ ولا تُحتسب منجزة</translation>
    </message>
    <message>
        <source>Note on this sentence</source>
        <translation>ملاحظة على هذه الجملة</translation>
    </message>
    <message>
        <source>Key {digit}.</source>
        <translation>المفتاح {digit}.</translation>
    </message>
    <message>
        <source>Optional note</source>
        <translation>ملاحظة اختيارية</translation>
    </message>
    <message>
        <source>N writes a note. Saved when you press Enter or Esc, or leave the field; Shift+Enter starts a new line</source>
        <translation>يكتب N (ى) ملاحظة. تُحفظ عند الضغط على Enter أو Esc أو مغادرة الحقل؛ Shift+Enter يبدأ سطرًا جديدًا</translation>
    </message>
    <message>
        <source>No article open</source>
        <translation>لا يوجد مقال مفتوح</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>العنوان الفرعي</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>الجملة</translation>
    </message>
    <message>
        <source>not done yet</source>
        <translation>لم يتم الإنجاز بعد</translation>
    </message>
    <message>
        <source>done, no theme</source>
        <translation>تم الإنجاز بلا موضوع</translation>
    </message>
    <message>
        <source>done</source>
        <translation>تم الإنجاز</translation>
    </message>
    <message>
        <source>skipped, themes kept but not counted</source>
        <translation>مؤجلة، موضوعاتها محفوظة ولا تُحتسب</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>تم التخطي</translation>
    </message>
    <message>
        <source>{kind} {number} of {total} — {status}</source>
        <translation>{kind} {number} من {total} — {status}</translation>
    </message>
    <message>
        <source>Suggestions are hidden on this article: it is assigned to several annotators (View → Suggestions on shared articles)</source>
        <translation>الاقتراحات مخفية في هذا المقال: فهو مسند إلى أكثر من واسم (عرض ← الاقتراحات في المقالات المشتركة)</translation>
    </message>
    <message>
        <source>Suggested: {themes} (Enter accepts)</source>
        <translation>مقترح: {themes} (يقبله مفتاح Enter)</translation>
    </message>
</context>
<context>
    <name>ViewActions</name>
    <message>
        <source>Nothing to undo</source>
        <translation>لا شيء للتراجع عنه</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>لا شيء لإعادته</translation>
    </message>
    <message>
        <source>Text size {points} pt</source>
        <translation>حجم النص {points} نقطة</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>This project was upgraded to the format of this version of Annotator. A copy of the file as it was before is kept at {path}.</source>
        <translation>حُدِّث هذا المشروع إلى صيغة هذا الإصدار من Annotator، وحُفظت نسخة من الملف كما كان قبل التحديث في ⁦{path}⁩.</translation>
    </message>
    <message>
        <source>Who is annotating?</source>
        <translation>من يقوم بالوسم؟</translation>
    </message>
    <message>
        <source>Your name is saved with every label you make (File → Switch annotator… changes it later). Cancel quits Annotator; a name cannot be empty.</source>
        <translation>يُحفظ اسمك مع كل توسيم تضعه (ويمكن تغييره لاحقًا من ملف ← تبديل المُوسِّم…). زر الإلغاء يغلق Annotator؛ ولا يمكن أن يكون الاسم فارغًا.</translation>
    </message>
    <message>
        <source>A name can have at most {count} characters.</source>
        <translation>يمكن أن يتكون الاسم من {count} حرفًا على الأكثر.</translation>
    </message>
    <message>
        <source>A name cannot hold line breaks, tabs, control characters or direction marks.</source>
        <translation>لا يمكن أن يحتوي الاسم على فواصل أسطر أو مسافات جدولة أو محارف تحكم أو علامات اتجاه.</translation>
    </message>
    <message>
        <source>Please type your name.</source>
        <translation>يُرجى كتابة اسمك.</translation>
    </message>
    <message>
        <source>Open another project</source>
        <translation>فتح مشروع آخر</translation>
    </message>
    <message>
        <source>Annotator projects (*{suffix});;All files (*)</source>
        <translation>مشاريع Annotator (*{suffix});;كل الملفات (*)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The project is in use</source>
        <translation>المشروع قيد الاستخدام</translation>
    </message>
    <message>
        <source>The project cannot be saved</source>
        <translation>يتعذّر الحفظ في المشروع</translation>
    </message>
    <message>
        <source>The project file is damaged</source>
        <translation>ملف المشروع تالف</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>القرص ممتلئ</translation>
    </message>
    <message>
        <source>The project needs a newer Annotator</source>
        <translation>يحتاج المشروع إلى إصدار أحدث من Annotator</translation>
    </message>
    <message>
        <source>This is not an Annotator project</source>
        <translation>هذا الملف ليس مشروع Annotator</translation>
    </message>
    <message>
        <source>Project problem</source>
        <translation>مشكلة في المشروع</translation>
    </message>
    <message>
        <source>Another program or window is writing to it. Close it or wait a moment, then try again. Nothing you labelled before was lost.</source>
        <translation>برنامج أو نافذة أخرى تكتب فيه الآن. أغلقها أو انتظر قليلًا ثم أعد المحاولة. لم يضع شيء مما وسمته من قبل.</translation>
    </message>
    <message>
        <source>The file or its folder cannot be written. Check their permissions, or copy the project to a folder you can write to and open the copy.</source>
        <translation>لا يمكن الكتابة في الملف أو في مجلده. تحقّق من أذونات الكتابة، أو انسخ المشروع إلى مجلد يمكنك الكتابة فيه وافتح النسخة.</translation>
    </message>
    <message>
        <source>The last change could not be saved. Everything saved before it is safe. Free some space on the disk, then go on where you were.</source>
        <translation>تعذّر حفظ التغيير الأخير. كل ما حُفظ قبله سليم. أفرغ بعض المساحة على القرص، ثم تابع من حيث توقفت.</translation>
    </message>
    <message>
        <source>Install the newer version of Annotator. The file was not changed.</source>
        <translation>ثبّت الإصدار الأحدث من Annotator. لم يُغيَّر الملف.</translation>
    </message>
    <message>
        <source>Choose a file ending in .annotator.</source>
        <translation>اختر ملفًا امتداده ⁦.annotator⁩.</translation>
    </message>
    <message>
        <source>No more changes are written to it, so nothing more is lost.</source>
        <translation>لن تُكتب فيه أي تغييرات أخرى، حتى لا يضيع شيء آخر.</translation>
    </message>
    <message>
        <source>No backup (.bak) was found beside it: restore it from your own backups.</source>
        <translation>لم توجد بجانبه نسخة احتياطية: استعده من نسخك الاحتياطية الخاصة.</translation>
    </message>
    <message>
        <source>To restore it, close Annotator, move the damaged file aside and copy the newest backup in its place: {backup}</source>
        <translation>لاستعادته، أغلق Annotator، وانقل الملف التالف جانبًا، وانسخ أحدث نسخة احتياطية مكانه: {backup}</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>حدث خطأ غير متوقع</translation>
    </message>
    <message>
        <source>Your labels are saved as you make them, so nothing was lost. The details were written to {path}.</source>
        <translation>تُحفظ وسومك لحظة وضعها، فلم يضع منها شيء. كُتبت التفاصيل في ⁦{path}⁩.</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>About {app}</source>
        <translation>حول {app}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Label Arabic news sentence by sentence, offline.&lt;/p&gt;&lt;p&gt;Reading font: Noto Naskh Arabic (SIL Open Font License 1.1).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;وسم الأخبار العربية جملةً جملة، دون اتصال بالإنترنت.&lt;/p&gt;&lt;p&gt;خط القراءة: Noto Naskh Arabic (رخصة SIL Open Font License 1.1).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Toggle the theme with that number on the current sentence (marks it done)</source>
        <translation>إضافة الموضوع ذي هذا الرقم إلى الجملة الحالية أو إزالته (فتُعدّ منجزة)</translation>
    </message>
    <message>
        <source>Done with no theme (clears its themes)</source>
        <translation>إنجاز بلا موضوع (تُزال موضوعات الجملة)</translation>
    </message>
    <message>
        <source>Done as it is, then next sentence</source>
        <translation>إنجاز الجملة كما هي، ثم الانتقال إلى التالية</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>مسافة</translation>
    </message>
    <message>
        <source>Skip for now, then next sentence</source>
        <translation>تخطٍّ مؤقت، ثم الانتقال إلى الجملة التالية</translation>
    </message>
    <message>
        <source>Next sentence (past the last: ↓ again opens the next article)</source>
        <translation>الجملة التالية (بعد آخر جملة يفتح ↓ مرة أخرى المقال التالي)</translation>
    </message>
    <message>
        <source>Previous sentence</source>
        <translation>الجملة السابقة</translation>
    </message>
    <message>
        <source>Next sentence not done yet</source>
        <translation>الجملة التالية غير المنجزة</translation>
    </message>
    <message>
        <source>Accept the suggested themes (outlined chips), then the next sentence not done; with no suggestion shown, the next sentence not done</source>
        <translation>قبول الموضوعات المقترحة (الشارات المحددة بإطار)، ثم الجملة التالية غير المنجزة؛ وإن لم يظهر اقتراح: الجملة التالية غير المنجزة</translation>
    </message>
    <message>
        <source>The sentence whose suggestion is least sure, next</source>
        <translation>الانتقال إلى الجملة التي يكون اقتراحها أقل ثقة</translation>
    </message>
    <message>
        <source>Previous sentence not done yet</source>
        <translation>الجملة السابقة غير المنجزة</translation>
    </message>
    <message>
        <source>First sentence of the article</source>
        <translation>أول جملة في المقال</translation>
    </message>
    <message>
        <source>Last sentence of the article</source>
        <translation>آخر جملة في المقال</translation>
    </message>
    <message>
        <source>Next article</source>
        <translation>المقال التالي</translation>
    </message>
    <message>
        <source>Previous article</source>
        <translation>المقال السابق</translation>
    </message>
    <message>
        <source>Make the clicked sentence current</source>
        <translation>جعل الجملة المنقورة هي الجملة الحالية</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>نقرة</translation>
    </message>
    <message>
        <source>Write a note on the current sentence (Enter saves it and returns to the text)</source>
        <translation>كتابة ملاحظة على الجملة الحالية (Enter يحفظها ويعود إلى النص)</translation>
    </message>
    <message>
        <source>Undo the last change (goes back to its article)</source>
        <translation>التراجع عن آخر تغيير (مع العودة إلى مقاله)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة ما تم التراجع عنه</translation>
    </message>
    <message>
        <source>Search articles</source>
        <translation>البحث في المقالات</translation>
    </message>
    <message>
        <source>Next place the search&apos;s words are in the text (on into the next article found)</source>
        <translation>الموضع التالي لكلمات البحث في النص (ثم في المقال التالي من نتائج البحث)</translation>
    </message>
    <message>
        <source>Previous place the search&apos;s words are in the text</source>
        <translation>الموضع السابق لكلمات البحث في النص</translation>
    </message>
    <message>
        <source>Leave the search or note field and return to the text</source>
        <translation>مغادرة حقل البحث أو الملاحظة والعودة إلى النص</translation>
    </message>
    <message>
        <source>Next pane: article list, text, theme panel, guidelines</source>
        <translation>اللوحة التالية: قائمة المقالات، النص، لوحة الموضوعات، الإرشادات</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>اللوحة السابقة</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>تكبير النص</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>تصغير النص</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>حجم النص العادي</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>Start a new project</source>
        <translation>إنشاء مشروع جديد</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <source>Export a dataset</source>
        <translation>تصدير مجموعة بيانات</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>عرض هذه المساعدة</translation>
    </message>
    <message>
        <source>Show or hide the guidelines: what each theme means, and the project&apos;s rules</source>
        <translation>إظهار الإرشادات أو إخفاؤها: معنى كل موضوع وقواعد المشروع</translation>
    </message>
    <message>
        <source>Quit (everything is already saved)</source>
        <translation>الخروج (كل شيء محفوظ مسبقًا)</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation>الم&amp;شاريع الأخيرة</translation>
    </message>
    <message>
        <source>S&amp;witch annotator…</source>
        <translation>&amp;تبديل المُوسِّم…</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;استيراد ملفات…</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>استيراد مجل&amp;د…</translation>
    </message>
    <message>
        <source>&amp;Export dataset…</source>
        <translation>ت&amp;صدير مجموعة البيانات…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>&amp;Find articles</source>
        <translation>&amp;بحث في المقالات</translation>
    </message>
    <message>
        <source>Ne&amp;xt match in the text</source>
        <translation>الموضع التال&amp;ي في النص</translation>
    </message>
    <message>
        <source>Pre&amp;vious match in the text</source>
        <translation>الموضع ال&amp;سابق في النص</translation>
    </message>
    <message>
        <source>Re&amp;move article…</source>
        <translation>&amp;حذف المقال…</translation>
    </message>
    <message>
        <source>&amp;Note on this sentence</source>
        <translation>م&amp;لاحظة على هذه الجملة</translation>
    </message>
    <message>
        <source>&amp;Themes…</source>
        <translation>ال&amp;موضوعات…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Bigger text</source>
        <translation>&amp;تكبير النص</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>ت&amp;صغير النص</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>الحجم ال&amp;عادي للنص</translation>
    </message>
    <message>
        <source>Back to the &amp;text</source>
        <translation>العودة إلى ال&amp;نص</translation>
    </message>
    <message>
        <source>Ne&amp;xt pane</source>
        <translation>اللوحة التالي&amp;ة</translation>
    </message>
    <message>
        <source>&amp;Previous pane</source>
        <translation>اللوحة ال&amp;سابقة</translation>
    </message>
    <message>
        <source>N&amp;otes…</source>
        <translation>الملا&amp;حظات…</translation>
    </message>
    <message>
        <source>&amp;Guidelines</source>
        <translation>الإ&amp;رشادات</translation>
    </message>
    <message>
        <source>Show su&amp;ggestions</source>
        <translation>إظهار الا&amp;قتراحات</translation>
    </message>
    <message>
        <source>Suggestions on s&amp;hared articles</source>
        <translation>الاقتراحات في المقالات الم&amp;شتركة</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;لغة الواجهة</translation>
    </message>
    <message>
        <source>&amp;Colour theme</source>
        <translation>ألوان ال&amp;واجهة</translation>
    </message>
    <message>
        <source>&amp;Arabic-Indic digits (٠١٢) in the Arabic interface</source>
        <translation>أرقام &amp;هندية (٠١٢) في الواجهة العربية</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>ال&amp;فريق</translation>
    </message>
    <message>
        <source>&amp;Hand out work…</source>
        <translation>&amp;توزيع العمل…</translation>
    </message>
    <message>
        <source>&amp;Merge returned work…</source>
        <translation>&amp;دمج العمل المُعاد…</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>الت&amp;قدّم</translation>
    </message>
    <message>
        <source>&amp;Agreement</source>
        <translation>الات&amp;فاق</translation>
    </message>
    <message>
        <source>&amp;Review disagreements</source>
        <translation>&amp;مراجعة الاختلافات</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>أ&amp;دوات</translation>
    </message>
    <message>
        <source>Suggestion &amp;quality…</source>
        <translation>&amp;جودة الاقتراحات…</translation>
    </message>
    <message>
        <source>&amp;Retrain suggestions now</source>
        <translation>إعادة &amp;تدريب الاقتراحات الآن</translation>
    </message>
    <message>
        <source>&amp;Connect to team server…</source>
        <translation>ال&amp;اتصال بخادم الفريق…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>&amp;About Annotator</source>
        <translation>&amp;حول Annotator</translation>
    </message>
    <message>
        <source>As the &amp;system</source>
        <translation>كما في ال&amp;نظام</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;فاتح</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;داكن</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;تباين عالٍ</translation>
    </message>
</context>
</TS>
