wh-title = Webhooks
wh-intro = يرسل Kairos بيانات JSON موقّعة إلى هذه الروابط عندما تتغير الحجوزات، بالصيغة التي يستخدمها Cal.com.
wh-back-to-settings = العودة إلى الإعدادات
wh-yours = الـ webhooks الخاصة بك
wh-empty = لا توجد webhooks بعد
wh-empty-text = أضف واحدًا أدناه لإبلاغ نظام آخر بالحجوزات الجديدة والمنقولة والملغاة.
wh-active = نشط
wh-paused = متوقف مؤقتًا
wh-triggers-count = { $count ->
        [zero] لا مُشغِّلات
        [one] مُشغِّل واحد
        [two] مُشغِّلان
        [few] { $count } مُشغِّلات
        [many] { $count } مُشغِّلًا
       *[other] { $count } مُشغِّل
    }
wh-edit-and-log = التعديل والسجل
wh-add-title = إضافة webhook
wh-add = إضافة الـ webhook
wh-all-event-types = كل أنواع مواعيدك
wh-event-type = نوع الموعد { $id }

wh-url = رابط المستقبِل
wh-url-hint = يرسل Kairos بيانات JSON إلى هناك بطلب POST. العناوين داخل شبكتك تحتاج إلى إذن المسؤول، وعناوين الاسترجاع الذاتي وبيانات السحابة الوصفية مرفوضة دائمًا.
wh-send-when = الإرسال عند
wh-triggers = المُشغِّلات
wh-bookings-of = حجوزات
wh-bookings-of-hint = تُعرض أنواع مواعيد الفرق للفرق التي تديرها.
wh-scope-all = كل حجوزات أنواع مواعيدي الخاصة
wh-scope-only = «{ $title }» فقط
wh-secret = السرّ
wh-secret-hint-new = يتحقق المستقبِلون به من X-Cal-Signature-256. اتركه فارغًا لينشئ Kairos واحدًا ويعرضه مرة واحدة.
wh-secret-hint-edit = اتركه فارغًا للإبقاء على السرّ الحالي.
wh-active-hint = الـ webhook المتوقف مؤقتًا لا يرسل شيئًا.
wh-unknown-trigger = تتضمن مُشغِّلًا غير معروف { $value }
wh-unknown-event-type = يجب أن يكون أحد أنواع المواعيد المدرجة

wh-trigger-booking-created = تم إجراء حجز أو تأكيده
wh-trigger-booking-requested = تم طلب حجز (بانتظار التأكيد)
wh-trigger-booking-rescheduled = تم تغيير موعد حجز
wh-trigger-booking-cancelled = تم إلغاء حجز
wh-trigger-booking-rejected = تم رفض طلب
wh-trigger-meeting-ended = انتهى الموعد

wh-added-secret = تمت إضافة الـ webhook. سرّه، معروض الآن فقط:
wh-webhook-secret = سرّ الـ webhook
wh-verify = يتحقق المستقبِلون من الترويسة X-Cal-Signature-256: وهي HMAC-SHA256 للمحتوى بهذا السرّ بالترميز الست عشري.

wh-webhook = Webhook
wh-all = كل الـ webhooks
wh-test = اختبار
wh-test-text = يرسل PING ببيانات تجريبية، موقّعًا مثل كل إرسال، ويعرض ما أجاب به المستقبِل.
wh-send-ping = إرسال ping تجريبي
wh-save = حفظ الـ webhook
wh-deliveries = عمليات الإرسال
wh-deliveries-text = آخر المحاولات، الأحدث أولًا. يُعاد الإرسال الفاشل مع فترات انتظار متزايدة. لا يُحتفظ بما أُرسل.
wh-nothing-sent = لم يُرسل شيء بعد
wh-nothing-sent-text = تظهر عمليات الإرسال هنا بمجرد أن يتغير حجز أو ترسل ping تجريبيًا.
wh-time = الوقت
wh-trigger = المُشغِّل
wh-result = النتيجة
wh-took = المدة
wh-no-answer = لا إجابة
wh-milliseconds = { $ms } ملّي ثانية
wh-delete = حذف
wh-delete-text = يوقف كل عمليات الإرسال ويحذف السجل.
wh-delete-confirm = حذف هذا الـ webhook؟ لن يصل مستقبِله أي شيء بعد الآن.
wh-delete-button = حذف الـ webhook
wh-ping-delivered = تم تسليم الـ ping التجريبي: أجاب المستقبِل بـ HTTP { $status } خلال { $ms } ملّي ثانية.
wh-ping-failed = لم يُسلَّم الـ ping التجريبي: { $reason } (بعد { $ms } ملّي ثانية).
wh-trigger-booking-payment-initiated = بدأ الدفع (الوقت محجوز)
wh-trigger-booking-paid = تم دفع حجز

wh-error-no-trigger = اختر واحدًا على الأقل
wh-error-event-type = ليس من أنواع مواعيدك ولا من أنواع مواعيد فريق تديره
