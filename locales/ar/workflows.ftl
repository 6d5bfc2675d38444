wf-intro = تذكيرات ورسائل متابعة وإشعارات تُرسل عندما تتغير الحجوزات.
wf-new = مسار عمل جديد
wf-title = مسار عمل
wf-empty = لا توجد مسارات عمل بعد
wf-empty-text = يأتي أول نوع موعد لديك مع تذكير قبل كل موعد بـ 24 ساعة. أنشئ مسارات عمل لإرسال المزيد.
wf-create-first = أنشئ مسار عمل
wf-on = مفعّل
wf-off = متوقف
wf-team = الفريق: { $team }
wf-no-event-types = لا توجد أنواع مواعيد
wf-steps-count = { $count ->
        [zero] لا خطوات
        [one] خطوة واحدة
        [two] خطوتان
        [few] { $count } خطوات
        [many] { $count } خطوة
       *[other] { $count } خطوة
    }
wf-edit = تعديل
wf-turn-off = إيقاف
wf-turn-on = تفعيل
wf-delete-confirm = حذف «{ $name }»؟ لن تُرسل الرسائل التي خطّط لها.
wf-delete = حذف

wf-trigger-new-event = عند إجراء حجز أو تأكيده
wf-trigger-booking-requested = عند طلب حجز (بانتظار التأكيد)
wf-trigger-reschedule-event = عند تغيير موعد حجز
wf-trigger-event-cancelled = عند إلغاء حجز
wf-trigger-booking-rejected = عند رفض طلب
wf-trigger-before-event = قبل بدء الموعد
wf-trigger-after-event = بعد انتهاء الموعد
wf-trigger-offset = { $trigger } · { $offset }
wf-minutes = { $count ->
        [zero] 0 دقيقة
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $count } دقائق
        [many] { $count } دقيقة
       *[other] { $count } دقيقة
    }
wf-hours = { $count ->
        [zero] 0 ساعة
        [one] ساعة واحدة
        [two] ساعتان
        [few] { $count } ساعات
        [many] { $count } ساعة
       *[other] { $count } ساعة
    }
wf-days = { $count ->
        [zero] 0 يوم
        [one] يوم واحد
        [two] يومان
        [few] { $count } أيام
        [many] { $count } يومًا
       *[other] { $count } يوم
    }
wf-unit-minutes = دقائق
wf-unit-hours = ساعات
wf-unit-days = أيام

wf-action-email-attendee = إرسال بريد إلى المشارك
wf-action-email-host = إرسال بريد إلى المضيف
wf-action-email-address = إرسال بريد إلى عنوان
wf-action-sms-attendee = إرسال رسالة نصية إلى المشارك (رقم الهاتف الذي أدخله)
wf-action-sms-number = إرسال رسالة نصية إلى رقم
wf-action-webhook = استدعاء webhook

wf-saved-without-sms-gateway = تم الحفظ، لكن لم تُعدّ أي بوابة رسائل نصية: خطوات الرسائل النصية في مسار العمل هذا لا ترسل شيئًا، وتفشل مهامها لهذا السبب في الإدارة ← المهام في الخلفية، إلى أن يُعدّ أحد المسؤولين بوابة في الإدارة ← الرسائل النصية.

wf-when = متى
wf-name = الاسم
wf-name-placeholder = تذكير قبل يوم
wf-owner = يتبع
wf-owner-hint = تنطبق مسارات عمل الفريق على أنواع مواعيد الفريق، ويديرها مسؤولو الفريق.
wf-trigger = المُشغِّل
wf-offset = كم من الوقت قبل أو بعد
wf-offset-hint = فقط لـ «قبل بدء الموعد» و«بعد انتهاء الموعد».
wf-unit = الوحدة
wf-active-hint = ما دام متوقفًا لا يُرسل شيء، ولا حتى الرسائل المخطط لها مسبقًا.
wf-event-types = أنواع المواعيد
wf-send-for = الإرسال لحجوزات
wf-no-event-types-yet = لا توجد أنواع مواعيد بعد.
wf-on-new-event-types = التفعيل أيضًا لأنواع المواعيد التي تُنشأ من الآن فصاعدًا
wf-steps = الخطوات
wf-steps-error = الخطوات: { $reason }
wf-step = الخطوة { $number }
wf-remove = إزالة
wf-action = الإجراء
wf-send-to = الإرسال إلى
wf-send-to-placeholder = عنوان أو +رقم أو رابط https://
wf-send-to-hint = لـ «إرسال بريد إلى عنوان» و«إرسال رسالة نصية إلى رقم» و«استدعاء webhook».
wf-no-sms-gateway = لم تُعدّ أي بوابة رسائل نصية.
wf-no-sms-gateway-text = إلى أن يُعدّ أحد المسؤولين بوابة في الإدارة ← الرسائل النصية، لا ترسل هذه الخطوة شيئًا وتفشل مهامها لهذا السبب.
wf-default-reminder = هذا هو التذكير الافتراضي في Kairos: ما دام كما هو، يتلقاه كل مشارك بلغته.
wf-subject = موضوع البريد
wf-subject-hint = لرسائل البريد الإلكتروني.
wf-message = الرسالة
wf-message-hint = لرسائل البريد الإلكتروني والرسائل النصية. أما الـ webhook فيرسل الحجز بصيغة JSON.
wf-secret = سرّ الـ webhook
wf-secret-hint = يوقّع كل استدعاء (X-Cal-Signature-256). تركه فارغًا يُبقي السرّ الحالي.
wf-clear-secret = إزالة سرّ الـ webhook
wf-add-step = + إضافة خطوة
wf-back = رجوع
wf-save = حفظ التغييرات
wf-create = إنشاء مسار العمل
wf-variables = المتغيرات
wf-variables-hint = اكتب المتغير بين قوسين معقوصين، مثل { $example }. التواريخ والأوقات بالمنطقة الزمنية للقارئ. عند الحفظ تُذكر أي متغيرات لا يعرفها Kairos.
wf-answers = الإجابات
wf-answers-hint = الإجابة عن سؤال في الحجز: معرّفه بأحرف كبيرة، مع كتابة - على شكل _. { $variable } هو الإجابة عن السؤال ذي المعرّف { $key }.
wf-no-questions = أنواع المواعيد هنا لا تطرح أي أسئلة بعد.
wf-minimum-necessary-on = الحد الأدنى الضروري مفعّل: في كل ما ترسله مسارات العمل، يبقى { $notes } والإجابات فارغة. يغيّر المسؤولون ذلك من الإدارة.
wf-minimum-necessary-off = الحد الأدنى الضروري متوقف: تُرسل الإجابات والملاحظات كما كُتبت.
wf-delete-title = حذف مسار العمل هذا
wf-delete-text = لن تُرسل الرسائل التي خطّط لها.
wf-delete-this-confirm = حذف مسار العمل هذا؟
wf-delete-button = حذف مسار العمل

wf-var-event-name = عنوان نوع الموعد
wf-var-organizer = اسم المضيف
wf-var-attendee = اسم المشارك
wf-var-attendee-first-name = الاسم الأول للمشارك
wf-var-attendee-email = عنوان البريد الإلكتروني للمشارك
wf-var-event-date = التاريخ، مثل الثلاثاء، 31 مارس 2026
wf-var-event-time = وقت البدء، مثل 10:00
wf-var-event-end-time = وقت الانتهاء، مثل 10:30
wf-var-timezone = المنطقة الزمنية للمستلم، مثل Asia/Riyadh
wf-var-location = مكان انعقاد الموعد
wf-var-meeting-url = رابط الفيديو أو الاجتماع، إن وُجد
wf-var-cancel-url = رابط المشارك للإلغاء
wf-var-reschedule-url = رابط المشارك لاختيار وقت آخر
wf-var-additional-notes = الملاحظات التي أضافها المشارك

wf-new-subject = تذكير: { $EVENT_NAME } الساعة { $EVENT_TIME }
wf-new-body =
    مرحبًا { $ATTENDEE_FIRST_NAME }،

    نراك يوم { $EVENT_DATE } الساعة { $EVENT_TIME } ({ $TIMEZONE }).

    للإلغاء أو اختيار وقت آخر: { $RESCHEDULE_URL }
wf-trigger-booking-paid = عند دفع حجز

wf-error-not-your-team = ليس من فرقك
wf-error-owner = يجب أن يكون أنت أو أحد فرقك
wf-error-owner-admin = يجب أن يكون أنت أو فريقًا تديره
wf-error-offset-too-long = { $days ->
        [one] يجب ألا يتجاوز يومًا واحدًا
        [two] يجب ألا يتجاوز يومين
        [few] يجب ألا يتجاوز { $days } أيام
        [many] يجب ألا يتجاوز { $days } يومًا
       *[other] يجب ألا يتجاوز { $days } يوم
    }
wf-error-offset-required = مطلوب للتذكير أو للمتابعة
wf-error-event-types = يجب أن تكون من أنواع مواعيد مالك مسار العمل
wf-error-no-step = أضف خطوة واحدة على الأقل
wf-error-too-many-steps = { $max ->
        [one] خطوة واحدة على الأكثر
        [two] خطوتان على الأكثر
        [few] { $max } خطوات على الأكثر
        [many] { $max } خطوةً على الأكثر
       *[other] { $max } خطوة على الأكثر
    }
wf-error-subject-required = مطلوب للبريد الإلكتروني
wf-error-subject-one-line = { $max ->
        [one] يجب أن يكون سطرًا واحدًا لا يتجاوز حرفًا واحدًا
        [two] يجب أن يكون سطرًا واحدًا لا يتجاوز حرفين
        [few] يجب أن يكون سطرًا واحدًا لا يتجاوز { $max } أحرف
        [many] يجب أن يكون سطرًا واحدًا لا يتجاوز { $max } حرفًا
       *[other] يجب أن يكون سطرًا واحدًا لا يتجاوز { $max } حرف
    }
wf-error-unknown-variables = { $count ->
        [one] يستخدم متغيرًا غير معروف: { $names }
        [two] يستخدم متغيرين غير معروفين: { $names }
        [few] يستخدم { $count } متغيرات غير معروفة: { $names }
        [many] يستخدم { $count } متغيرًا غير معروف: { $names }
       *[other] يستخدم { $count } متغير غير معروف: { $names }
    }
