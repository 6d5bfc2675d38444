cal-intro = تحجب الأحداث في تقويماتك الخاصة الأوقات التي يمكن للناس حجزها، ويمكن تسجيل الحجوزات الجديدة في أحدها. يُجري Kairos المزامنة كل بضع دقائق.
cal-your-calendars = تقويماتك
cal-empty = لا تقويمات مربوطة
cal-empty-text = اربط حسابًا أو أضف موجز ICS أدناه، فلا يتمكن أحد من الحجز معك في أوقات انشغالك.
cal-provider-ics = موجز ICS
cal-status-reconnect = يحتاج إلى إعادة الربط
cal-status-failing = المزامنة تفشل
cal-status-waiting = بانتظار المزامنة الأولى
cal-status-synced = تمت المزامنة
cal-destination = تُسجَّل الحجوزات الجديدة في { $calendar } ({ $address }).
cal-destination-none = لا تُسجَّل الحجوزات الجديدة في أي من تقويماتك. اختر «{ $button }» في أحد تقويماتك المربوطة لتظهر فيه.
cal-calendar = تقويم
cal-blocks-slots = أحداثه تحجب أوقاتك
cal-not-checked = لا يُفحص بحثًا عن التعارضات
cal-read-only = للقراءة فقط
cal-written-here = تُسجَّل الحجوزات الجديدة هنا
cal-not-destination = لا يمكن أن يكون الوجهة: { $reason }
cal-check-conflicts = فحص التعارضات
cal-stop-writing = إيقاف تسجيل الحجوزات هنا
cal-write-here = تسجيل الحجوزات الجديدة هنا
cal-error-on-or-off = يجب أن يكون مفعّلًا أو معطّلًا
cal-no-access = لم يعد لدى Kairos وصول:
cal-no-access-text = إلى أن تعيد ربطه، لا تحجب أحداثه أوقاتك ولا تُسجَّل الحجوزات فيه.
cal-connect-again = إعادة الربط
cal-last-sync-failed = فشلت آخر مزامنة:
cal-failed-times = { $count ->
    [zero] لم تفشل أي مرة.
    [one] فشلت مرة واحدة.
    [two] فشلت مرتين متتاليتين.
    [few] فشلت { $count } مرات متتالية.
    [many] فشلت { $count } مرة متتالية.
   *[other] فشلت { $count } مرة متتالية.
}
cal-retry-text = يعيد Kairos المحاولة من تلقاء نفسه، وينتظر مدة أطول بعد كل فشل (ست ساعات على الأكثر).
cal-last-success = آخر مزامنة ناجحة
cal-next-sync = المزامنة التالية
cal-not-yet = ليس بعد
cal-not-planned = غير مجدولة
cal-zoom-text = اجتماعات الفيديو: تحصل أنواع المواعيد التي مكانها Zoom على اجتماع Zoom في هذا الحساب لكل حجز، يُنقل ويُحذف معه.
cal-no-calendars-listed = لا يعرض الخادم أي تقويمات لهذا الحساب بعد.
cal-sync-now = المزامنة الآن
cal-disconnect = فصل
cal-disconnect-confirm = هل تريد فصل هذا الحساب؟ ينسى Kairos وصوله والأحداث التي نسخها.
cal-options = الخيارات
cal-sync-cancellations-title = إلغاء الحجوزات المحذوفة في هذا التقويم
cal-sync-cancellations-text = عندما تحذف حدث حجز في تقويمك، يُلغى الحجز ويُبلَّغ المدعو، بعد 15 دقيقة من ملاحظة Kairos ذلك (استعد الحدث قبل ذلك للإبقاء على الحجز).
cal-sync-cancellations = مزامنة الإلغاءات
cal-live-check-title = سؤال التقويم قبل كل حجز
cal-live-check-text = قبل إنشاء حجز أو نقله، يسأل Kairos تقويم الوجهة عن التغييرات منذ آخر مزامنة، لمدة 3 ثوانٍ على الأكثر. وإن لم يُجب في الوقت المناسب، يتم الحجز على أي حال.
cal-live-check = الفحص المباشر
cal-connect-sign-in = الربط بتسجيل الدخول
cal-connect-sign-in-text = تسجّل الدخول إلى الخدمة وتسمح لـ Kairos بقراءة أوقات الانشغال في تقويماتك وتسجيل حجوزاتك (ومع Zoom: إنشاء اجتماع لكل حجز). يحفظ Kairos الوصول مشفّرًا؛ ويمكنك الفصل في أي وقت.
cal-connect-vendor = ربط { $vendor }
cal-not-connected = لم يتم الربط: { $reason }.
cal-vendor-not-set-up = { $vendor } غير مُعدّ على هذه النسخة: اطلب ذلك من أحد المسؤولين
cal-vendor-unknown-state = لم يكتمل تسجيل الدخول إلى { $vendor } هنا أو استغرق وقتًا طويلًا: ابدأ من جديد
cal-vendor-access-not-allowed = { $vendor }: لم يُسمح بالوصول
cal-vendor-no-access-granted = { $vendor }: لم يُمنح أي وصول
cal-vendor-refused = رفض { $vendor } الطلب: { $detail }
cal-vendor-revoked = لم يعد { $vendor } يقبل وصول Kairos: أعد ربط الحساب
cal-vendor-unreachable = تعذّر الوصول إلى { $vendor }: { $detail }
cal-vendor-credentials = لا يمكن فتح الوصول المحفوظ بمفتاح هذه النسخة
cal-caldav-title = ربط حساب CalDAV
cal-caldav-text = Nextcloud وiCloud وFastmail وRadicale وBaïkal وSOGo وغيرها من خوادم CalDAV. يقرأ Kairos أحداثك ويمكنه تسجيل الحجوزات الجديدة في تقويم واحد.
cal-server-address = عنوان الخادم
cal-server-address-hint = يكفي اسم المضيف: يعثر Kairos على تقويماتك.
cal-username = اسم المستخدم
cal-app-password = كلمة مرور التطبيق
cal-app-password-hint = ليست كلمة مرورك الرئيسية: بل كلمة منفصلة يمكنك إبطالها. يحفظها Kairos مشفّرة ولا يعرضها مرة أخرى أبدًا.
cal-app-password-help = من أين أحصل على كلمة مرور تطبيق؟
cal-help-nextcloud = الإعدادات ← الأمان ← الأجهزة والجلسات ← إنشاء كلمة مرور جديدة للتطبيق.
cal-help-icloud = account.apple.com ← تسجيل الدخول والأمان ← كلمات السر الخاصة بالتطبيقات. الخادم هو caldav.icloud.com.
cal-help-fastmail = الإعدادات ← الخصوصية والأمان ← إدارة كلمات مرور التطبيقات ← كلمة مرور تطبيق جديدة، مع الوصول إلى CalDAV.
cal-connect-account = ربط الحساب
cal-feed-title = إضافة موجز ICS
cal-feed-text = عنوان تقويم للقراءة فقط: تحجب أحداثه أوقاتك، لكن لا يمكن تسجيل الحجوزات فيه.
cal-feed-address = عنوان الموجز
cal-feed-address-hint = عامله ككلمة مرور: يستطيع كل من يملكه قراءة التقويم. يحفظه Kairos مشفّرًا ولا يعرض منه إلا اسم المضيف.
cal-feed-help = أين أجد العنوان؟
cal-help-google = الإعدادات ← تقويمك ← دمج التقويم ← العنوان السري بتنسيق iCal.
cal-help-outlook = الإعدادات ← التقويم ← التقويمات المشتركة ← نشر تقويم ← رابط ICS.
cal-help-others-label = غير ذلك:
cal-help-others = ابحث عن «اشتراك» أو «نشر» أو «iCal» في إعدادات مشاركة التقويم. ويصلح أيضًا عنوان webcal://.
cal-add-feed = إضافة الموجز
cal-sync-title = مزامنة التقويمات
cal-sync-intro = كل حساب تقويم مربوط على هذه النسخة وكيف تجري مزامنته. لا يرى تقويماته إلا مالكه.
cal-back-to-admin = العودة إلى الإدارة
cal-accounts-failing = { $count ->
    [zero] لا حسابات تفشل مزامنتها.
    [one] حساب واحد تفشل مزامنته.
    [two] حسابان تفشل مزامنتهما.
    [few] { $count } حسابات تفشل مزامنتها.
    [many] { $count } حسابًا تفشل مزامنتها.
   *[other] { $count } حساب تفشل مزامنتها.
}
cal-accounts-failing-text = يرى المالك السبب في صفحة التقويمات الخاصة به، ويمكنه تصحيح العنوان أو كلمة المرور، أو فصل الحساب.
cal-accounts = الحسابات
cal-empty-admin-text = يربط الأعضاء تقويماتهم من صفحة التقويمات.
cal-owner = المالك
cal-provider = المزوّد
cal-address = العنوان
cal-last-sync = آخر مزامنة
cal-failures = مرات الفشل
cal-last-error = آخر خطأ

cal-error-provider = يجب أن يكون caldav أو ics (يتصل تقويم Google وMicrosoft 365 عبر صفحات تسجيل الدخول الخاصة بهما)
cal-error-long-line = يجب أن يكون سطرًا واحدًا لا يتجاوز 2048 حرفًا
cal-error-http = يجب أن يكون عنوان http أو https
cal-error-username = مطلوب مع كلمة المرور

cal-error-did-not-work = لم ينجح: { $reason }
cal-error-no-calendars = لم ينجح: لا يعرض الخادم أي تقويم لهذا المستخدم
cal-error-no-answer = { $seconds ->
        [one] لم يستجب خلال ثانية واحدة
        [two] لم يستجب خلال ثانيتين
        [few] لم يستجب خلال { $seconds } ثوانٍ
        [many] لم يستجب خلال { $seconds } ثانية
       *[other] لم يستجب خلال { $seconds } ثانية
    }
cal-error-password-refused = رفضها الخادم: تحقّق من اسم المستخدم واستخدم كلمة مرور خاصة بالتطبيق
cal-error-read-only-destination = هذا التقويم للقراءة فقط: لا يمكن كتابة الحجوزات فيه
cal-error-feed-read-only = الموجز للقراءة فقط: لا يكتب Kairos فيه أي حجوزات
cal-error-caldav-only = متاح لحسابات CalDAV فقط
